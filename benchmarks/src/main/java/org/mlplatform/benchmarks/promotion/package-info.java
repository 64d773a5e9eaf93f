/**
 * The promotion benchmark ({@link org.mlplatform.benchmarks.promotion.PromotionLatencyDriver}): on
 * a running platform, how long after a reviewer's approval the new version of a served model
 * answers, first at any client and then at every one, while predictions run throughout and none may
 * fail.
 */
package org.mlplatform.benchmarks.promotion;
