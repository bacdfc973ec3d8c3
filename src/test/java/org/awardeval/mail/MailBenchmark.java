package org.awardeval.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awardeval.mail.OutboxRepository.Outgoing;
import org.awardeval.support.BenchOptions;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The e-mail benchmark: bench/mail.sh [--rounds 7] [--mails 2000]. Composes and writes out e-mails as the outbox sends
 * them, round after round, with Jakarta Mail finding its stream provider as it comes (a ServiceLoader scan at each part)
 * and with the provider named as the outbox names it, the two taking turns. Prints one JSON line: the median
 * milliseconds of one e-mail each way.
 */
public final class MailBenchmark {

    private static final String PROVIDER = StreamProvider.class.getName();

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        int rounds = options.get("rounds", 7);
        int mails = options.get("mails", 2000);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        // The outbox names the provider when its class is first used.
        Class.forName(MailOutbox.class.getName(), true, MailBenchmark.class.getClassLoader());
        String named = System.getProperty(PROVIDER, "");
        if (named.isEmpty()) {
            throw new IllegalStateException("The outbox did not name Jakarta Mail's stream provider");
        }
        double[] lookedUp = new double[rounds];
        double[] direct = new double[rounds];
        // The first turn of each warms up and is not counted.
        time(sender, mails, null);
        time(sender, mails, named);
        for (int round = 0; round < rounds; round++) {
            lookedUp[round] = time(sender, mails, null);
            direct[round] = time(sender, mails, named);
            System.out.printf("[bench] round %d: provider looked up %.2f ms, named %.2f ms an e-mail%n", round + 1, lookedUp[round],
                    direct[round]);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mails_per_round", mails);
        figures.put("rounds", rounds);
        figures.put("provider_looked_up_ms", BenchOptions.median(lookedUp, 2));
        figures.put("provider_named_ms", BenchOptions.median(direct, 2));
        System.out.println(new ObjectMapper().writeValueAsString(figures));
    }

    /** Milliseconds an e-mail; a null provider leaves Jakarta Mail to look it up. */
    private static double time(JavaMailSenderImpl sender, int mails, String provider) throws Exception {
        String body = "Dear applicant,\n\nThe results of the IIOE Higher Education Digitalisation Pioneer Case Award are published. "
                .repeat(6);
        if (provider == null) {
            System.clearProperty(PROVIDER);
        } else {
            System.setProperty(PROVIDER, provider);
        }
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < mails; i++) {
            Outgoing mail = new Outgoing(i, "applicant" + i + "@example.org", "The award's results: your application AW-" + i, body,
                    "<p>" + body + "</p>", 0);
            MimeMessage message = MailOutbox.compose(sender, "award-office@example.org", mail);
            Counting out = new Counting();
            message.writeTo(out);
            bytes += out.count;
        }
        double millis = (System.nanoTime() - start) / 1e6 / mails;
        if (bytes < (long) mails * body.length()) {
            throw new IllegalStateException("The e-mails written were shorter than their text: " + bytes + " bytes");
        }
        return millis;
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
