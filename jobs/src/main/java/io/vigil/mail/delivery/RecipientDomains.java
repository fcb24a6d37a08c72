package io.vigil.mail.delivery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The domains an email goes to, for the log: enough to tell which mail server refused it, without
 * putting people's addresses into a log that is kept and shipped elsewhere.
 */
final class RecipientDomains {

    private RecipientDomains() {
    }

    /** {@code a@example.com, b@example.com, c@other.org} → {@code example.com, other.org}. */
    static String of(List<String> recipients) {
        Set<String> domains = new LinkedHashSet<>();
        for (String recipient : recipients) {
            String address = recipient.strip();
            if (address.endsWith(">") && address.contains("<")) {
                address = address.substring(address.lastIndexOf('<') + 1, address.length() - 1);
            }
            int at = address.lastIndexOf('@');
            domains.add(at < 0 || at == address.length() - 1 ? "an address without a domain" : address.substring(at + 1));
        }
        return domains.isEmpty() ? "no recipient" : String.join(", ", domains);
    }
}
