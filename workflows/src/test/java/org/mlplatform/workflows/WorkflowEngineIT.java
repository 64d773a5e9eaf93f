package org.mlplatform.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.workflows.retraining.RetrainingVariables;

/** The engine on the platform's databases: schema creation, deployment, a task, full history. */
class WorkflowEngineIT {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deploysOnceAndRunsAPromotionWithFullHistory(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      try (WorkflowEngine first =
          WorkflowEngineFactory.standalone(db.dataSource(), false, new RecordingPorts().ports())) {
        assertThat(first.deployedProcessKeys())
            .containsExactly(
                WorkflowEngine.ROLLBACK_PROCESS_KEY,
                PromotionVariables.PROCESS_KEY,
                RetrainingVariables.PROCESS_KEY,
                RetrainingVariables.SCHEDULE_PROCESS_KEY);
      }

      try (WorkflowEngine engine =
          WorkflowEngineFactory.standalone(db.dataSource(), false, new RecordingPorts().ports())) {
        assertThat(
                engine
                    .processEngine()
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .count())
            .as("a restart deploys no second version of an unchanged process")
            .isEqualTo(4);

        java.time.Instant now = java.time.Instant.now();
        String instanceId =
            engine.startPromotion(
                new org.mlplatform.workflows.promotion.PromotionRequest(
                    "fraud",
                    3,
                    "champion",
                    "alice",
                    0,
                    null,
                    now.plusSeconds(60),
                    now.plusSeconds(120),
                    java.time.Duration.ofMinutes(1)));

        List<ReviewTask> bobs = engine.inbox().openTasks("bob", List.of("reviewer"));
        assertThat(bobs)
            .singleElement()
            .satisfies(
                t -> {
                  assertThat(t.processInstanceId()).isEqualTo(instanceId);
                  assertThat(t.model()).isEqualTo("fraud");
                  assertThat(t.version()).isEqualTo(3);
                  assertThat(t.requestedBy()).isEqualTo("alice");
                });
        assertThat(engine.inbox().openTasks("victor", List.of("viewer"))).isEmpty();

        engine
            .inbox()
            .completeReview(bobs.getFirst().id(), "bob", List.of("reviewer"), true, "fine");
        engine
            .processEngine()
            .getManagementService()
            .executeJob(
                engine
                    .processEngine()
                    .getManagementService()
                    .createJobQuery()
                    .singleResult()
                    .getId());

        assertThat(
                engine
                    .processEngine()
                    .getHistoryService()
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instanceId)
                    .activityId("promotionDeployed")
                    .count())
            .isEqualTo(1);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void discoversNoScriptEnginesAndBuildsNoDmnEngine() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
        WorkflowEngine engine =
            WorkflowEngineFactory.standalone(
                db.dataSource(), false, new RecordingPorts().ports())) {
      var config =
          (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
              engine.processEngine().getProcessEngineConfiguration();
      // FEEL's Scala script engine is on the class path; discovering it at start-up broke the
      // engine when Payara closed its jars mid-deployment.
      assertThat(config.getScriptingEngines().getScriptEngineManager().getEngineFactories())
          .extracting(javax.script.ScriptEngineFactory::getEngineName)
          .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("feel"));
      assertThat(config.isDmnEnabled()).isFalse();
    }
  }
}
