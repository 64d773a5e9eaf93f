/** The portal's charts: one component that hands data to Apache ECharts from the WAR's WebJar. */
package org.mlplatform.portal.ui.charts;
