package org.mlplatform.workflows.promotion;

/** Tells people what a process did: in the portal, and by webhook where one is configured. */
public interface WorkflowNotifier {

  /** For one person. {@code link} is a portal route such as {@code models/fraud/versions/2}. */
  void toUser(String user, String kind, String title, String body, String link);

  /** For everyone holding a role, such as {@code reviewer} or {@code admin}. */
  void toGroup(String group, String kind, String title, String body, String link);
}
