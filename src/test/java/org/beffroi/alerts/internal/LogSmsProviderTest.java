package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The log provider writes the text of an SMS (a subscription code, an alert) only in the demo, where the
 * log is the demo's phone; in any other profile it writes the masked number and no text, keeps nothing, and
 * reports the message not sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogSmsProviderTest {

    private static final String CODE_MESSAGE = "Belvoir : votre code de confirmation est 482913.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(LogSmsProvider.class);

    @Test
    void outsideTheDemoNeitherTheTextNorTheCodeReachesTheLog(CapturedOutput output) {
        for (var outsideTheDemo : new ApplicationContextRunner[] {runner,
                runner.withPropertyValues("spring.profiles.active=prod")}) {
            outsideTheDemo.run(context -> {
                var provider = context.getBean(LogSmsProvider.class);
                assertThatThrownBy(() -> provider.send("+33612345678", CODE_MESSAGE))
                        .isInstanceOf(SmsProvider.NotSentException.class);
                assertThat(provider.sent()).isEmpty();
            });
        }
        assertThat(output.getAll()).doesNotContain("482913").doesNotContain("votre code")
                .doesNotContain("12345678").contains("…78");
    }

    @Test
    void inTheDemoTheLogIsThePhone(CapturedOutput output) {
        runner.withPropertyValues("spring.profiles.active=demo").run(context -> {
            var provider = context.getBean(LogSmsProvider.class);
            provider.send("+33612345678", CODE_MESSAGE);
            assertThat(provider.sent()).containsExactly(new LogSmsProvider.Sms("+33612345678", CODE_MESSAGE));
        });
        assertThat(output.getAll()).contains("482913").doesNotContain("12345678");
    }
}
