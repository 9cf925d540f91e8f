package org.beffroi.alerts.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.smtp.DefaultLastSmtpContent;
import io.netty.handler.codec.smtp.SmtpRequestEncoder;
import io.netty.handler.codec.smtp.SmtpRequests;
import io.netty.handler.codec.smtp.SmtpResponse;
import io.netty.handler.codec.smtp.SmtpResponseDecoder;
import io.netty.handler.timeout.ReadTimeoutHandler;

/**
 * Alert mails sent in a pipeline (RFC 2920) to a relay that says it takes one, along with 8-bit bodies (RFC
 * 6152). One at a time, a mail costs four round trips to the relay ({@code MAIL}, {@code RCPT}, {@code DATA},
 * the text), each a write, a wait and a wake-up. Here the text of a mail, the end of its data and the next mail's
 * {@code MAIL}, {@code RCPT} and {@code DATA} go in one write (the text may begin a group, RFC 2920 §3.1), and
 * the relay's four answers come back together: about one round trip a mail. The conversations of all sessions
 * run on a small event loop (Netty), which Netty's SMTP codec writes and reads; each answer is matched to the
 * command it answers, in order.
 * <p>
 * Only for a relay reached without TLS nor login, as a local mail server is (the way to send to many at once);
 * a relay that needs either, or that does not announce {@code PIPELINING} and {@code 8BITMIME}, is sent to one
 * mail at a time through {@link SmtpSessions} (ADR 0023).
 */
@Component
class PipelinedSmtp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PipelinedSmtp.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final ConcurrentLinkedDeque<Conversation> idle = new ConcurrentLinkedDeque<>();
    private volatile EventLoopGroup loop;
    private volatile long noPipeliningUntil;
    private volatile String helloName;
    /** How long a relay found without pipelining is not asked again. */
    private final long recheckNanos;

    PipelinedSmtp(ObjectProvider<JavaMailSender> sender,
            @Value("${beffroi.alerts.email.pipelining-recheck:PT1M}") Duration recheck) {
        this.sender = sender;
        this.recheckNanos = recheck.toNanos();
        this.noPipeliningUntil = System.nanoTime(); // a time already past: nanoTime may be of any sign
    }

    /**
     * One mail of a share: its delivery's id, its envelope, and what writes its text as SMTP carries it (CRLF
     * lines, leading dots doubled, ending with a line end).
     */
    record Mail(long id, String sender, String recipient, Consumer<ByteBuf> text) {
    }

    /** What became of a share: the mails that failed, by id, with a short reason; or that the relay cannot pipeline. */
    record Outcome(boolean unsupported, Map<Long, String> failed) {

        static final Outcome UNSUPPORTED = new Outcome(true, Map.of());
    }

    /**
     * Whether mails may go this way: the relay is configured without TLS nor login, and was not found without
     * pipelining in the last minute.
     */
    boolean mayTry() {
        if (!(sender.getIfAvailable() instanceof JavaMailSenderImpl smtp) || System.nanoTime() - noPipeliningUntil < 0) {
            return false;
        }
        Properties settings = smtp.getJavaMailProperties();
        return (smtp.getProtocol() == null || "smtp".equals(smtp.getProtocol())) && smtp.getUsername() == null
                && !on(settings, "mail.smtp.starttls.enable") && !on(settings, "mail.smtp.ssl.enable");
    }

    private static boolean on(Properties settings, String key) {
        return Boolean.parseBoolean(settings.getProperty(key, "false"));
    }

    /**
     * Sends the mails over one session, in a pipeline; completes when the relay has answered for each of them,
     * or when the session broke (the mails whose acceptance was not heard of then fail, to be tried again).
     */
    CompletableFuture<Outcome> send(List<Mail> mails) {
        return take().thenCompose(conversation -> {
            if (conversation == null) {
                return CompletableFuture.completedFuture(Outcome.UNSUPPORTED);
            }
            var done = new CompletableFuture<Outcome>();
            conversation.channel.eventLoop().execute(() -> conversation.start(mails, done));
            return done;
        }).exceptionally(e -> {
            log.warn("No pipelined SMTP session to the relay: {}", e.toString());
            var failed = new HashMap<Long, String>();
            mails.forEach(m -> failed.put(m.id(), "NO_SESSION"));
            return new Outcome(false, failed);
        });
    }

    /** An open session from the pool, else a new one; null when the relay does not take pipelined 8-bit mail. */
    private CompletableFuture<Conversation> take() {
        for (Conversation kept; (kept = idle.poll()) != null;) {
            if (kept.channel.isActive() && !kept.broken) {
                return CompletableFuture.completedFuture(kept);
            }
            kept.channel.close();
        }
        var smtp = (JavaMailSenderImpl) sender.getObject();
        var conversation = new Conversation();
        var settings = smtp.getJavaMailProperties();
        int timeout = Integer.parseInt(settings.getProperty("mail.smtp.timeout", "30000"));
        var bootstrap = new Bootstrap().group(loop()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        Integer.parseInt(settings.getProperty("mail.smtp.connectiontimeout", "10000")))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new ReadTimeoutHandler(timeout, TimeUnit.MILLISECONDS),
                                new SmtpResponseDecoder(4096), new SmtpRequestEncoder(), conversation);
                    }
                });
        int port = smtp.getPort() > 0 ? smtp.getPort() : 25;
        bootstrap.connect(smtp.getHost(), port).addListener(connected -> {
            if (!connected.isSuccess()) {
                conversation.ready.completeExceptionally(connected.cause());
            }
        });
        return conversation.ready.thenApply(pipelines -> {
            if (pipelines) {
                return conversation;
            }
            noPipeliningUntil = System.nanoTime() + recheckNanos;
            conversation.channel.writeAndFlush(SmtpRequests.quit()).addListener(written -> conversation.channel.close());
            return null;
        });
    }

    private EventLoopGroup loop() {
        var group = loop;
        if (group == null) {
            synchronized (this) {
                if (loop == null) {
                    loop = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                            Thread.ofPlatform().name("alerts-smtp-", 0).daemon().factory(), NioIoHandler.newFactory());
                }
                group = loop;
            }
        }
        return group;
    }

    /** The name this host gives in {@code EHLO}, as Jakarta Mail would give it. */
    private String helloName() {
        var name = helloName;
        if (name == null) {
            var smtp = (JavaMailSenderImpl) sender.getObject();
            name = smtp.getJavaMailProperties().getProperty("mail.smtp.localhost");
            if (name == null) {
                try {
                    name = InetAddress.getLocalHost().getCanonicalHostName();
                } catch (UnknownHostException e) {
                    name = "localhost";
                }
            }
            helloName = name;
        }
        return name;
    }

    @Override
    public void destroy() {
        for (Conversation kept; (kept = idle.poll()) != null;) {
            kept.channel.writeAndFlush(SmtpRequests.quit());
        }
        var group = loop;
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    /** What an answer of the relay answers. */
    private enum Step {
        GREETING, EHLO, MAIL, RCPT, DATA, TEXT, RSET
    }

    private record Expected(Step step, int mail) {
    }

    /**
     * One SMTP session and the share it is sending; runs on its channel's event loop only, so needs no lock.
     * Answers come in the order of the commands (RFC 2920 §3.1), hence the queue of what each will answer.
     */
    private final class Conversation extends SimpleChannelInboundHandler<SmtpResponse> {

        /** Completes once the relay has answered {@code EHLO}: whether it takes pipelined 8-bit mail. */
        final CompletableFuture<Boolean> ready = new CompletableFuture<>();
        private final ArrayDeque<Expected> expected = new ArrayDeque<>(List.of(new Expected(Step.GREETING, -1)));
        volatile Channel channel;
        volatile boolean broken;
        private List<Mail> mails;
        private Map<Long, String> failed;
        private CompletableFuture<Outcome> done;
        /** The first mail whose fate the relay has not told yet. */
        private int undecided;

        @Override
        public void channelActive(ChannelHandlerContext context) throws Exception {
            channel = context.channel();
            super.channelActive(context);
        }

        void start(List<Mail> share, CompletableFuture<Outcome> whenDone) {
            mails = share;
            failed = new HashMap<>();
            done = whenDone;
            undecided = 0;
            if (broken || !channel.isActive()) {
                fail("CLOSED");
                return;
            }
            if (share.isEmpty()) {
                finish();
                return;
            }
            envelope(0);
            channel.flush();
        }

        /** Writes the envelope of mail {@code i} and its {@code DATA}, to go with whatever is written before. */
        private void envelope(int i) {
            var mail = mails.get(i);
            write(SmtpRequests.mail(mail.sender(), "BODY=8BITMIME"));
            write(SmtpRequests.rcpt(mail.recipient()));
            write(SmtpRequests.data());
            expected.add(new Expected(Step.MAIL, i));
            expected.add(new Expected(Step.RCPT, i));
            expected.add(new Expected(Step.DATA, i));
        }

        /** Writes without flushing; a failure to write (or to encode) breaks the session through exceptionCaught. */
        private void write(Object request) {
            channel.write(request, channel.voidPromise());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, SmtpResponse answer) {
            var step = expected.poll();
            if (step == null) {
                return; // nothing asked: a relay closing an idle session says 421 first
            }
            int code = answer.code();
            boolean positive = code >= 200 && code < 400;
            switch (step.step()) {
                case GREETING -> {
                    if (code != 220) {
                        ready.completeExceptionally(new IllegalStateException("greeting " + code));
                        context.close();
                        return;
                    }
                    channel.writeAndFlush(SmtpRequests.ehlo(helloName()), channel.voidPromise());
                    expected.add(new Expected(Step.EHLO, -1));
                }
                case EHLO -> {
                    if (code != 250) {
                        ready.complete(false);
                        return;
                    }
                    var extensions = answer.details().stream().map(d -> d.toString().toUpperCase(Locale.ROOT).split(" ")[0]).toList();
                    ready.complete(extensions.contains("PIPELINING") && extensions.contains("8BITMIME"));
                }
                case MAIL -> {
                    if (!positive) {
                        failed.put(mails.get(step.mail()).id(), "MAIL_" + code);
                    }
                }
                case RCPT -> {
                    if (!positive) {
                        failed.putIfAbsent(mails.get(step.mail()).id(), "REFUSED");
                    }
                }
                case DATA -> {
                    int i = step.mail();
                    if (code == 354) {
                        var text = channel.alloc().buffer(2048);
                        try {
                            mails.get(i).text().accept(text);
                        } catch (RuntimeException e) {
                            text.release();
                            throw e; // the session breaks: what comes after this mail is tried again
                        }
                        write(new DefaultLastSmtpContent(text));
                        expected.add(new Expected(Step.TEXT, i));
                    } else {
                        failed.putIfAbsent(mails.get(i).id(), "REFUSED");
                        undecided = i + 1;
                        write(SmtpRequests.rset()); // the codec, as the relay, expects a new transaction
                        expected.add(new Expected(Step.RSET, i));
                    }
                    if (i + 1 < mails.size()) {
                        envelope(i + 1);
                    }
                    channel.flush();
                }
                case TEXT -> {
                    if (!positive) {
                        failed.putIfAbsent(mails.get(step.mail()).id(), "REFUSED");
                    }
                    undecided = step.mail() + 1;
                }
                case RSET -> {
                    // nothing to record: the mail it follows is counted already
                }
            }
            if (code == 421) { // the relay is closing the session (RFC 5321 §3.8): the rest waits for another
                broken = true;
                context.close();
                return;
            }
            if (done != null && expected.isEmpty()) {
                finish();
            }
        }

        private void finish() {
            var whenDone = done;
            done = null;
            mails = null;
            idle.push(this);
            whenDone.complete(new Outcome(false, failed));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (done != null) {
                log.warn("Pipelined SMTP session broken: {}", cause.toString());
            } else { // an idle session timed out, or the relay closed it
                log.debug("Idle pipelined SMTP session closed: {}", cause.toString());
            }
            broken = true;
            fail(cause.getClass().getSimpleName());
            context.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            broken = true;
            ready.completeExceptionally(new IllegalStateException("closed before EHLO was answered"));
            fail("CLOSED");
            super.channelInactive(context);
        }

        /** The session broke: the mails whose acceptance was not heard of fail, and will be tried again. */
        private void fail(String reason) {
            if (done == null) {
                return;
            }
            for (int i = undecided; i < mails.size(); i++) {
                failed.putIfAbsent(mails.get(i).id(), reason);
            }
            expected.clear();
            var whenDone = done;
            done = null;
            mails = null;
            whenDone.complete(new Outcome(false, failed));
        }
    }
}
