package org.mlplatform.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.persistence.TestDatabase;

/** The engine on the platform's databases: schema creation, deployment, a task, full history. */
class WorkflowEngineIT {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deploysOnceAndRunsAPromotionWithFullHistory(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      try (WorkflowEngine first = WorkflowEngineFactory.standalone(db.dataSource(), false)) {
        assertThat(first.deployedProcessKeys()).containsExactly(PromotionVariables.PROCESS_KEY);
      }

      try (WorkflowEngine engine = WorkflowEngineFactory.standalone(db.dataSource(), false)) {
        assertThat(
                engine
                    .processEngine()
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .count())
            .as("a restart deploys no second version of an unchanged process")
            .isEqualTo(1);

        String instanceId = engine.startPromotion("fraud", 3, "champion", "alice");

        List<ReviewTask> bobs = engine.openTasksForGroups(List.of("reviewer"));
        assertThat(bobs)
            .singleElement()
            .satisfies(
                t -> {
                  assertThat(t.processInstanceId()).isEqualTo(instanceId);
                  assertThat(t.model()).isEqualTo("fraud");
                  assertThat(t.version()).isEqualTo(3);
                  assertThat(t.requestedBy()).isEqualTo("alice");
                });
        assertThat(engine.openTasksForGroups(List.of("viewer"))).isEmpty();

        engine
            .processEngine()
            .getTaskService()
            .complete(bobs.getFirst().id(), Map.of(PromotionVariables.DECISION, "approve"));

        assertThat(
                engine
                    .processEngine()
                    .getHistoryService()
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instanceId)
                    .activityId("promotionApproved")
                    .count())
            .isEqualTo(1);
      }
    }
  }
}
