package org.mlplatform.persistence.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.persistence.models.ModelTestData.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.PageRequest;
import org.mlplatform.persistence.TestDatabase;

/**
 * Registrations of one model from two threads, each in its own transactions, get distinct,
 * consecutive numbers: the model's row lock makes the second wait for the first to commit.
 */
class JpaModelVersionNumberingIT {

  private static final ResourceName FRAUD = new ResourceName("fraud");
  private static final int PER_THREAD = 10;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void concurrentRegistrationsGetDistinctConsecutiveNumbers(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = ModelTestData.emf(db)) {
      registry(emf, r -> r.createModel(FRAUD, "", "", Set.of()));
      CountDownLatch start = new CountDownLatch(1);
      List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                      ModelVersion v =
                          registry(emf, r -> r.registerVersion(FRAUD, ModelTestData.uploaded("")));
                      numbers.add(v.number());
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get();
        }
      }

      List<Integer> expected = IntStream.rangeClosed(1, 2 * PER_THREAD).boxed().toList();
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
      try (EntityManager em = emf.createEntityManager()) {
        assertThat(
                new JpaModelRepository(em)
                    .versions(FRAUD, PageRequest.first(100)).items().reversed().stream()
                        .map(ModelVersion::number))
            .containsExactlyElementsOf(expected);
      }
    }
  }
}
