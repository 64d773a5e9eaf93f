/** Small stream and CSV utilities the modules share (the JDK and domain readers only). */
package org.mlplatform.domain.io;
