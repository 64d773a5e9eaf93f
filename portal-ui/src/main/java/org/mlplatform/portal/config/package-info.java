/** Configuration: MicroProfile Config keys (every one overridable as an {@code MLP_*} variable). */
package org.mlplatform.portal.config;
