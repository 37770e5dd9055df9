package org.osteon.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code ./osteon token --role physio --subject ID [--hours 12] [--key-dir .osteon/jwt]
 * [--issuer osteon-local]}: prints a token signed with the local key, to try the API with
 * {@code curl -H "Authorization: Bearer $(./osteon token ...)"}.
 */
public final class TokenCommand {
    private TokenCommand() {}

    public static void main(String[] args) {
        String role = null, subject = null, keyDir = ".osteon/jwt", issuer = AuthConfig.LOCAL_ISSUER;
        long hours = 12;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--role" -> role = args[i + 1];
                case "--subject" -> subject = args[i + 1];
                case "--hours" -> hours = hours(args[i + 1]);
                case "--key-dir" -> keyDir = args[i + 1];
                case "--issuer" -> issuer = args[i + 1];
                default -> usage("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            usage("every option takes a value");
        }
        if (role == null
                || !Set.of(Roles.PATIENT, Roles.PHYSIO, Roles.ADMIN, Roles.STUDY)
                        .contains(role)) {
            usage("--role must be patient, physio, admin or study");
        }
        if (subject == null || subject.isBlank()) {
            usage("--subject is required (a patient id, a physiotherapist's subject, or any name for admin)");
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(Path.of(keyDir));
        System.out.println(new LocalTokens(key, issuer)
                .sign(role, subject, Clock.systemUTC().instant(), Duration.ofHours(hours)));
    }

    /** Whole hours from 1 to 24: the service refuses tokens valid longer (osteon.auth.max-lifetime). */
    private static long hours(String value) {
        try {
            long h = Long.parseLong(value);
            if (h >= 1 && h <= 24) {
                return h;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        usage("--hours must be a whole number from 1 to 24, was '" + value + "'");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ./osteon token --role patient|physio|admin|study --subject ID [--hours 12]"
                + " [--key-dir .osteon/jwt] [--issuer osteon-local]");
        System.exit(2);
    }
}
