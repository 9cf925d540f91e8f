/**
 * Alerts and newsletters: residents subscribe by topic, area and channel; agents send alerts and
 * newsletters that reach them once, durably; the register of vulnerable people for crises.
 *
 * <p>Uses the portal's {@link org.beffroi.portal.Neighbourhoods} for areas.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts")
package org.beffroi.alerts;
