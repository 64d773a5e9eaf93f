package org.mlplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifests in deployment/k8s, as checked in, are valid and complete. */
class CheckedInManifestsTest {

  private final Map<String, String> files = ManifestValidator.files(Checkout.K8S);

  @Test
  void everyDocumentFitsTheKubernetesSchemaAndTheRules() {
    List<String> problems = new ManifestValidator(Checkout.settings()).validate(files);

    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void theSetHasWhatADeploymentOfThePlatformNeeds() {
    ManifestSet set = parse();

    for (Class<? extends HasMetadata> kind :
        List.of(
            Deployment.class,
            Service.class,
            Ingress.class,
            HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class,
            ConfigMap.class,
            Secret.class,
            PersistentVolumeClaim.class)) {
      assertThat(set.all(kind)).as("a %s in deployment/k8s", kind.getSimpleName()).isNotEmpty();
    }
    assertThat(set.workloads()).hasSize(1);
  }

  @Test
  void kustomizationAppliesExactlyTheCheckedFiles() throws IOException {
    String text = Files.readString(Checkout.K8S.resolve(ManifestValidator.KUSTOMIZATION));
    Set<String> images =
        parse().workloads().stream()
            .flatMap(w -> w.template().getSpec().getContainers().stream())
            .map(Container::getImage)
            .collect(Collectors.toCollection(TreeSet::new));

    List<String> problems = KustomizationCheck.check(text, files.keySet(), images);

    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private ManifestSet parse() {
    Problems problems = new Problems();
    List<Manifest> manifests = new ArrayList<>();
    files.forEach((name, text) -> new ManifestParser().parse(name, text, manifests, problems));
    assertThat(problems.messages()).isEmpty();
    return new ManifestSet(manifests);
  }
}
