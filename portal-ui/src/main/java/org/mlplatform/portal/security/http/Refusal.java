package org.mlplatform.portal.security.http;

/** Why an API request body was refused, as the caller hears it: its status and message. */
public record Refusal(int status, String error) {

  static Refusal tooLarge(long maxBytes) {
    return new Refusal(
        413,
        "the request body is over the limit of "
            + maxBytes
            + " bytes ("
            + HttpHardeningSettings.MAX_BODY_KEY
            + ")");
  }

  static Refusal tooDeep(int maxDepth) {
    return new Refusal(
        400,
        "the JSON body nests arrays and objects deeper than "
            + maxDepth
            + " levels ("
            + HttpHardeningSettings.MAX_DEPTH_KEY
            + ")");
  }

  static Refusal truncated() {
    return new Refusal(400, "the JSON body ends inside a string, array or object");
  }
}
