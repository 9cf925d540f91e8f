/**
 * The shared platform every service module stands on: the {@link org.beffroi.platform.ServiceModule}
 * descriptor and its registry, the commune's identity and theme, layout and i18n, file storage
 * (whole or streamed, public or private), residents' attachments scanned by an antivirus, mail
 * (durable outbox), background jobs, rate limits, the audit log and error pages.
 *
 * <p>It is an open module: its types are the vocabulary of every other module. It depends on no
 * other module. Events out: {@link org.beffroi.platform.CommuneSettingsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.beffroi.platform;
