package org.beffroi.platform;

/** A plain-text e-mail to one recipient. */
public record OutgoingMail(String to, String subject, String text) {
}
