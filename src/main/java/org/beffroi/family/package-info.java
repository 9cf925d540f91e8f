/**
 * The family space (« Espace famille »): households (the adults who manage them from their account, their children),
 * their invoices (canteen, after-school, leisure centre, water...) created by agents or imported from the billing
 * software's CSV, paid online through the payments module and reminded twice when past due; the canteen's menu of the
 * week, on a public page, on the home page and in the newsletter (alerts' {@link org.beffroi.alerts.NewsletterSection}).
 *
 * <p>Events in: {@link org.beffroi.payments.PaymentConfirmed} (an invoice's payment marks it paid). None out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Family")
package org.beffroi.family;
