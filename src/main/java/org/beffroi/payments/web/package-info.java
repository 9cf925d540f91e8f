/**
 * The payments' pages and the providers' endpoints: a payment's page ({@code /paiements/{token}}) where its payer
 * pays and then finds the receipt, the browser's return and the server-to-server notification of each provider, the
 * test provider's own page, and "Mes paiements".
 */
package org.beffroi.payments.web;
