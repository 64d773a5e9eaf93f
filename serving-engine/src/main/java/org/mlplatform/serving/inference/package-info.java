/**
 * The Open Inference Protocol v2 (KServe v2) over JSON, and the step from its tensors to ONNX
 * Runtime's and back.
 *
 * <p>A request flows: {@link org.mlplatform.serving.inference.OipRequestReader} streams the body
 * into an {@link org.mlplatform.serving.inference.InferenceRequest} of typed, unboxed {@link
 * org.mlplatform.serving.inference.TensorData}, enforcing {@link
 * org.mlplatform.serving.inference.ReadLimits} as it goes; {@link
 * org.mlplatform.serving.inference.SignatureBinding} checks it against the model version's
 * signature; {@link org.mlplatform.serving.inference.OrtRunner} runs it and copies the outputs out
 * of native memory; {@link org.mlplatform.serving.inference.OipResponseWriter} writes the response.
 * A caller's mistake anywhere is an {@link org.mlplatform.serving.inference.InferenceException}
 * carrying the HTTP status (400, or 413 for a size limit) and a message naming the input or field.
 *
 * <h2>Datatypes</h2>
 *
 * BOOL takes JSON true and false; the integer types take JSON numbers with no fraction ({@code 3},
 * {@code 3.0} and {@code 3e0} alike) within the type's range; BYTES takes JSON strings. FP16 and
 * BF16 values are JSON numbers rounded to the type. UINT16, UINT32 and UINT64 outputs are returned,
 * but inputs of these types are refused: ONNX Runtime's Java API cannot create such tensors. Data
 * may be flat or nested row-major; nested arrays must be rectangular and match the shape exactly.
 *
 * <h2>NaN and infinity</h2>
 *
 * JSON has no NaN or infinity, so the protocol borrows the spelling JavaScript and Python print:
 *
 * <ul>
 *   <li>inputs of FP32, FP64, FP16 and BF16 accept the strings {@code "NaN"}, {@code "Infinity"}
 *       and {@code "-Infinity"} (exactly so, case-sensitive) as those values;
 *   <li>bare {@code NaN} or {@code Infinity} tokens are malformed JSON, and a number too large for
 *       its float type is out of range (400), never silently infinite;
 *   <li>these strings for integer or BOOL inputs are a 400;
 *   <li>outputs write non-finite floats as the same three strings, so that a client can send back
 *       what it received.
 * </ul>
 *
 * <h2>Values that are not tensors</h2>
 *
 * Sequences and maps, such as ZipMap's list of class-to-probability maps, are returned as a BYTES
 * output of shape {@code [n]} whose elements are JSON values, marked with {@code "parameters":
 * {"content_type": "json"}}; map keys become strings. Such values cannot be sent as inputs.
 */
package org.mlplatform.serving.inference;
