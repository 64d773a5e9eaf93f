package org.mlplatform.workflows;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/model-promotion.bpmn")
class ModelPromotionProcessTest {

  private ProcessInstance requestPromotion() {
    return runtimeService()
        .startProcessInstanceByKey(
            PromotionVariables.PROCESS_KEY,
            withVariables(
                PromotionVariables.MODEL, "fraud",
                PromotionVariables.VERSION, 2,
                PromotionVariables.ALIAS, "champion",
                PromotionVariables.REQUESTED_BY, "alice"));
  }

  @Test
  void waitsForAReviewerWithANamedTask() {
    ProcessInstance instance = requestPromotion();

    assertThat(instance).isWaitingAt(PromotionVariables.REVIEW_TASK);
    assertThat(task(instance))
        .hasCandidateGroup(PromotionVariables.REVIEWER_GROUP)
        .hasName("Review promotion of fraud v2 to champion");
  }

  @Test
  void approvalEndsInApproved() {
    ProcessInstance instance = requestPromotion();

    complete(
        task(instance),
        withVariables(PromotionVariables.DECISION, "approve", PromotionVariables.COMMENT, "ok"));

    assertThat(instance)
        .hasPassedInOrder(
            "promotionRequested", "reviewPromotion", "reviewDecision", "promotionApproved")
        .hasNotPassed("promotionRejected")
        .isEnded();
  }

  @Test
  void rejectionEndsInRejected() {
    ProcessInstance instance = requestPromotion();

    complete(task(instance), withVariables(PromotionVariables.DECISION, "reject"));

    assertThat(instance).hasPassed("promotionRejected").hasNotPassed("promotionApproved").isEnded();
  }
}
