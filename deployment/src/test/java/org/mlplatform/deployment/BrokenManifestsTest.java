package org.mlplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation can fail: each case breaks the checked-in set in one place and expects a message
 * naming the document and field at fault.
 */
class BrokenManifestsTest {

  private static final DocumentedSettings SETTINGS = Checkout.settings();

  /** How every message starts: the file and the document's position in it. */
  private static final Pattern DOCUMENT = Pattern.compile("[\\w.-]+\\.yaml( #\\d+)?[ :]");

  /** A Deployment with a misspelled field, a probe on a port it lacks and no limits. */
  private static final String BROKEN_DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: broken
        namespace: mlp
      spec:
        selector:
          matchLabels:
            app: broken
        template:
          metadata:
            labels:
              app: broken
          spec:
            securityContext:
              runAsNonRoot: true
            contaners:
              - name: platform
                image: registry.example.com/mlp/mlplatform:0.1.0
            containers:
              - name: platform
                image: registry.example.com/mlp/mlplatform:0.1.0
                ports:
                  - name: http
                    containerPort: 8080
                resources:
                  requests:
                    cpu: 500m
                    memory: 1Gi
                securityContext:
                  allowPrivilegeEscalation: false
                livenessProbe:
                  httpGet:
                    path: /health/live
                    port: admin
                readinessProbe:
                  httpGet:
                    path: /health/ready
                    port: http
                startupProbe:
                  httpGet:
                    path: /health/ready
                    port: http
      """;

  @Test
  void aMisspelledFieldAProbeOnAMissingPortAndMissingLimitsAreRefused() {
    Map<String, String> files = checkedIn();
    files.put("broken.yaml", BROKEN_DEPLOYMENT);

    List<String> problems = new ManifestValidator(SETTINGS).validate(files);

    assertThat(problems)
        .anyMatch(
            p -> p.startsWith("broken.yaml #1 Deployment/broken: spec.template.spec.contaners:"))
        .anyMatch(
            p ->
                p.contains(
                        "Deployment/broken: spec.template.spec.containers[0].livenessProbe.httpGet.port:")
                    && p.contains("'admin'"))
        .anyMatch(
            p ->
                p.contains(
                    "Deployment/broken: spec.template.spec.containers[0].resources.limits.memory:"));
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        Arguments.of(
            "deployment.yaml",
            "      containers:\n",
            "      contaners:\n",
            "spec.template.spec.contaners"),
        Arguments.of(
            "deployment.yaml",
            "          readinessProbe:\n            httpGet:\n              path: /health/ready\n              port: http",
            "          readinessProbe:\n            httpGet:\n              path: /health/ready\n              port: metrics",
            "readinessProbe.httpGet.port: 'metrics' is not a port"),
        Arguments.of(
            "deployment.yaml",
            "path: /health/live",
            "path: /healthz",
            "livenessProbe.httpGet.path"),
        Arguments.of(
            "deployment.yaml",
            "              memory: 3Gi\n              # The data",
            "              # The data",
            "resources.limits.memory: is required"),
        Arguments.of(
            "deployment.yaml", "mlplatform:0.1.0", "mlplatform", ".image: needs a fixed tag"),
        Arguments.of(
            "deployment.yaml",
            "value: /etc/mlp/secrets/db-password",
            "value: /etc/mlp/secrets/db-pasword",
            "MLP_DB_PASSWORD_FILE = /etc/mlp/secrets/db-pasword is no file"),
        Arguments.of(
            "deployment.yaml",
            "- name: MLP_NODE_NAME",
            "- name: MLP_NODE",
            "MLP_NODE is not a setting"),
        Arguments.of(
            "deployment.yaml",
            "claimName: mlp-shared",
            "claimName: mlp-sharde",
            "no PersistentVolumeClaim 'mlp-sharde'"),
        Arguments.of(
            "deployment.yaml",
            "secretName: mlp-secrets",
            "secretName: mlp-secret",
            "no Secret 'mlp-secret'"),
        Arguments.of(
            "deployment.yaml",
            "  revisionHistoryLimit: 5",
            "  replicas: 2\n  revisionHistoryLimit: 5",
            "autoscaling.yaml #1 HorizontalPodAutoscaler/mlp: spec.scaleTargetRef: the Deployment sets spec.replicas"),
        Arguments.of(
            "configmap.yaml",
            "MLP_PORT: \"8080\"",
            "MLP_PORT: 8080",
            "ConfigMap/mlp-config: data.MLP_PORT: does not fit"),
        Arguments.of(
            "configmap.yaml",
            "MLP_DB_USER: \"mlp\"",
            "MLP_DB_USR: \"mlp\"",
            "data.MLP_DB_USR: MLP_DB_USR is not a setting"),
        Arguments.of(
            "configmap.yaml",
            "MLP_OIDC_CLIENT_ID: \"mlp-portal\"",
            "MLP_OIDC_CLIENT_SECRET: \"s3cret\"",
            "MLP_OIDC_CLIENT_SECRET is a secret"),
        Arguments.of(
            "configmap.yaml",
            "MLP_SERVING_PORT: \"8081\"",
            "MLP_SERVING_PORT: \"9000\"",
            "MLP_SERVING_PORT 9000 is not a port"),
        Arguments.of(
            "configmap.yaml",
            "mlp-postgres.mlp.svc",
            "mlp-postgre.mlp.svc",
            "mlp-postgre.mlp.svc.cluster.local:5432 names no Service"),
        Arguments.of(
            "configmap.yaml",
            "mlp-cluster.mlp.svc.cluster.local\"",
            "mlp.mlp.svc.cluster.local\"",
            "is not headless"),
        Arguments.of(
            "configmap.yaml",
            "mlp-cluster.mlp.svc.cluster.local\"",
            "mlp-cluster.mlp.svc.cluster.local:5701\"",
            "is not <service>.<namespace>.svc.cluster.local"),
        Arguments.of(
            "configmap.yaml",
            "  MLP_CLUSTER_PORT: \"5701\"",
            "  MLP_CLUSTER_MEMBERS: \"mlp-cluster.mlp.svc.cluster.local:5701\"\n  MLP_CLUSTER_PORT: \"5701\"",
            "MLP_CLUSTER_DNS and MLP_CLUSTER_MEMBERS are both set"),
        Arguments.of(
            "secret.yaml", "  db-password:", "  database-password:", "db-password is no file"),
        Arguments.of(
            "shared-storage.yaml",
            "ReadWriteMany",
            "ReadWriteOnce",
            "MLP_SHARED_DIR must be on a ReadWriteMany"),
        Arguments.of(
            "services.yaml",
            "targetPort: inference",
            "targetPort: serving",
            "spec.ports[1].targetPort: 'serving' is not a container port"),
        Arguments.of(
            "services.yaml",
            "  publishNotReadyAddresses: true\n",
            "",
            "must publish not-ready addresses"),
        Arguments.of(
            "autoscaling.yaml",
            "    name: mlp\n  minReplicas",
            "    name: mlp-platform\n  minReplicas",
            "spec.scaleTargetRef: names no apps/v1 Deployment"),
        Arguments.of(
            "autoscaling.yaml",
            "apiVersion: autoscaling/v2",
            "apiVersion: autoscaling/v2beta2",
            "autoscaling/v2beta2 is not one of"),
        Arguments.of(
            "disruption-budget.yaml",
            "      app.kubernetes.io/component: platform",
            "      app.kubernetes.io/component: worker",
            "spec.selector: selects no pod template"),
        Arguments.of(
            "ingress.yaml",
            "                  name: http",
            "                  name: https",
            ".backend.service.port: is not a port of Service 'mlp'"),
        Arguments.of(
            "ingress.yaml",
            "kind: Ingress",
            "kind: Ingres",
            "Ingres is not a kind of networking.k8s.io/v1"),
        Arguments.of(
            "namespace.yaml", "  name: mlp\n", "  name: mlp\n  name: ml\n", "not valid YAML"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("breakages")
  void oneBreakageIsFoundAndNamed(String file, String from, String to, String expected) {
    Map<String, String> files = checkedIn();
    String original = files.get(file);
    assertThat(original).as("the case's text in %s", file).contains(from);
    files.put(file, original.replace(from, to));

    List<String> problems = new ManifestValidator(SETTINGS).validate(files);

    assertThat(problems)
        .as("problems of %s with %s", file, to)
        .anyMatch(p -> DOCUMENT.matcher(p).lookingAt() && p.contains(expected));
  }

  private static Map<String, String> checkedIn() {
    return new TreeMap<>(ManifestValidator.files(Checkout.K8S));
  }
}
