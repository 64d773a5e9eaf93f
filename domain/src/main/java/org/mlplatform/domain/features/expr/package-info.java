/**
 * A small, safe expression language for on-demand (derived) features, such as {@code amount /
 * avg_amount_30d} or {@code hour_of_day(event_time) >= 22 or is_null(country)}.
 *
 * <p>The same compiled {@link org.mlplatform.domain.features.expr.Expression} runs when training
 * sets are built and when models are served, so its semantics are chosen to make the two agree
 * exactly and never fail on data:
 *
 * <ul>
 *   <li>Integer inputs (INT32, INT64) compute as 64-bit integers, floating-point inputs as doubles;
 *       results are {@code Long}, {@code Double}, {@code Boolean}, {@code String} or {@code
 *       Instant}.
 *   <li>A null operand makes the result null, except in {@code coalesce}, {@code is_null}, {@code
 *       if} / {@code ?:} (only the taken branch matters) and the three-valued {@code and} / {@code
 *       or}.
 *   <li>Results with no representation are null rather than errors: division or modulo by zero,
 *       integer overflow, NaN, infinities and dates outside the calendar. Non-finite inputs are
 *       read as null too, so no NaN can differ between an offline file and an online store.
 *   <li>Functions read timestamps in UTC. There is deliberately no {@code now()} or random
 *       function: a row would get one value when the training set is built and another when it is
 *       served, a silent skew. Pass the event time as an input instead.
 * </ul>
 *
 * <p>Expressions are parsed by a hand-written lexer and recursive-descent (Pratt) parser and are
 * type-checked before they run. They can reach nothing but their declared inputs and the built-in
 * functions (no reflection, no Java classes, no I/O), and source length, nesting depth and size are
 * bounded so that hostile text cannot exhaust memory or the stack.
 */
package org.mlplatform.domain.features.expr;
