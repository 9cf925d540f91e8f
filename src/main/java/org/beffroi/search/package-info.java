/**
 * One search over every module's public content: an index behind {@link org.beffroi.search.SearchIndex}
 * (Lucene embedded, French analysis), the results page, and its rebuild from the modules' own data.
 *
 * <p>Events in: {@link org.beffroi.platform.PublicContentChanged}, followed after the commit of the
 * change. Uses the portal's {@link org.beffroi.portal.Neighbourhoods} to name the neighbourhood facet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.beffroi.search;
