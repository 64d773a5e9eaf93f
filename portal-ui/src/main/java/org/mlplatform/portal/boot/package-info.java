/**
 * Start-up and health: bringing up migrations, the workflow engine, the catalogue index and ONNX
 * Runtime off the deployment thread, and reporting readiness.
 */
package org.mlplatform.portal.boot;
