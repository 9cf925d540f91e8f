/**
 * Online procedures (démarches): each procedure is data — a form and a workflow of statuses whose actions are
 * beans ({@link org.beffroi.procedures.workflow.WorkflowAction}) — saved in versions, exported and imported as one
 * JSON file. Residents fill forms over several pages with drafts saved as they type, file cases and follow them in
 * their account; agents handle them in a back office, and file for residents at the counter.
 *
 * <p>Uses identity's {@link org.beffroi.identity.Accounts} (services, addresses) and payments'
 * {@link org.beffroi.payments.Payments} (the payments a workflow asks for). Event in:
 * {@link org.beffroi.payments.PaymentConfirmed} (a case waiting for its payment moves on). Events out:
 * {@link org.beffroi.procedures.CaseFiled}, {@link org.beffroi.platform.PublicContentChanged} for each procedure
 * published or withdrawn.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures")
package org.beffroi.procedures;
