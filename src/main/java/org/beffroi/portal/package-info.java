/**
 * The commune's front door: the home page, the legal pages, and the neighbourhoods (portrait and
 * optional GeoJSON outline) that other modules attach their content to.
 *
 * <p>Events out: {@link org.beffroi.portal.NeighbourhoodChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.beffroi.portal;
