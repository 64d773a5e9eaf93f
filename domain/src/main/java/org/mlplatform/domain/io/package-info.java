/** Small stream utilities the modules share (the JDK only). */
package org.mlplatform.domain.io;
