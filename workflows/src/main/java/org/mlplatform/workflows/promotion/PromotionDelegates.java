package org.mlplatform.workflows.promotion;

import java.util.HashMap;
import java.util.Map;

/** The delegates the promotion and rollback BPMN files name, as beans its expressions resolve. */
public final class PromotionDelegates {

  private PromotionDelegates() {}

  public static Map<Object, Object> beans(WorkflowPorts ports) {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("runChecks", new RunChecks(ports.checks()));
    beans.put("deployCandidate", new DeployCandidate(ports.deployments()));
    beans.put("startCanary", new StartCanary(ports.deployments(), ports.notifier()));
    beans.put("evaluateCanary", new EvaluateCanary(ports.deployments()));
    beans.put("rollBackCanary", new RollBackCanary(ports.deployments()));
    beans.put("verifyDeployment", new VerifyDeployment(ports.deployments()));
    beans.put("restorePrevious", new RestorePrevious(ports.deployments()));
    beans.put("remindReviewers", new RemindReviewers(ports.notifier()));
    beans.put("escalateToAdmins", new EscalateToAdmins(ports.notifier()));
    beans.put("emergencyRollBack", new EmergencyRollBack(ports.deployments()));
    beans.put("notifyReviewersOfRollback", new NotifyReviewersOfRollback(ports.notifier()));
    for (PromotionNotice notice : PromotionNotice.values()) {
      beans.put(notice.beanName(), new NotifyRequester(ports.notifier(), notice));
    }
    return beans;
  }
}
