package io.vigil.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientDomainsTest {

    @Test
    void eachDomainOnceInTheOrderOfTheRecipients() {
        assertThat(RecipientDomains.of(List.of("dba@example.com", "Ops Team <ops@other.org>", "oncall@example.com")))
                .isEqualTo("example.com, other.org");
    }

    @Test
    void neverTheLocalPart() {
        assertThat(RecipientDomains.of(List.of("not-an-address", "trailing@"))).isEqualTo("an address without a domain");
        assertThat(RecipientDomains.of(List.of())).isEqualTo("no recipient");
    }
}
