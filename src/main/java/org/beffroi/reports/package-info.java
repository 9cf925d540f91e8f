/**
 * Problem reports (« signalements »): a resident, with or without an account, reports a problem in the public space
 * (a category set by the administrator, a point on the map or a street of the commune, a description, up to three
 * photos); possible duplicates are offered to support instead; the report is public and routed to its category's
 * service once its reporter's address is confirmed; agents change its status with a public message that every
 * follower is mailed, and keep internal notes. Residents also write to the town hall ({@code contact}) and ask
 * elected officials public questions, which a moderator publishes and the official answers ({@code questions}).
 *
 * <p>Uses portal's {@link org.beffroi.portal.Neighbourhoods} (where a point lies) and identity's
 * {@link org.beffroi.identity.Accounts} (the town hall's services, the elected officials). No event in, none out yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.beffroi.reports;
