package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.vigil.health.probe.Addresses.HostPort;
import io.vigil.health.probe.Addresses.HostPortDatabase;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    @Test
    void parsesHostPortDatabase() {
        assertThat(Addresses.parseHostPortDatabase("127.0.0.1:5432/orders"))
                .isEqualTo(new HostPortDatabase(new HostPort("127.0.0.1", 5432), "orders"));
        assertThat(Addresses.parseHostPortDatabase("db-1.internal_zone:3306/shop_2024$x"))
                .isEqualTo(new HostPortDatabase(new HostPort("db-1.internal_zone", 3306), "shop_2024$x"));
    }

    @Test
    void parsesBracketedIpv6() {
        HostPortDatabase parsed = Addresses.parseHostPortDatabase("[::1]:5432/db");

        assertThat(parsed).isEqualTo(new HostPortDatabase(new HostPort("::1", 5432), "db"));
        assertThat(parsed.hostPort().authority()).isEqualTo("[::1]:5432");
        assertThat(Addresses.parseHostPort("[fe80::1:2]:6379").authority()).isEqualTo("[fe80::1:2]:6379");
        assertThat(new HostPort("10.0.0.1", 6379).authority()).isEqualTo("10.0.0.1:6379");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            foo                         | address 'foo' is not host:port/database (for example 127.0.0.1:5432/orders)
            db:5432                     | address 'db:5432' is not host:port/database (for example 127.0.0.1:5432/orders)
            db/orders                   | address 'db/orders' is not host:port/database (for example 127.0.0.1:5432/orders): the port is missing
            db:/orders                  | address 'db:/orders' is not host:port/database (for example 127.0.0.1:5432/orders): the port is missing
            :5432/orders                | address ':5432/orders' is not host:port/database (for example 127.0.0.1:5432/orders): the host is missing
            db:5432/                    | address 'db:5432/' is not host:port/database (for example 127.0.0.1:5432/orders): the database name is missing
            db:0/orders                 | address 'db:0/orders' is not host:port/database (for example 127.0.0.1:5432/orders): port '0' is not a number from 1 to 65535
            db:65536/orders             | address 'db:65536/orders' is not host:port/database (for example 127.0.0.1:5432/orders): port '65536' is not a number from 1 to 65535
            db:54x/orders               | address 'db:54x/orders' is not host:port/database (for example 127.0.0.1:5432/orders): port '54x' is not a number from 1 to 65535
            db:5432/orders?ssl=true     | address 'db:5432/orders?ssl=true' is not host:port/database (for example 127.0.0.1:5432/orders): database name 'orders?ssl=true' may only contain letters, digits and _ . $ -
            db:5432/a/b                 | address 'db:5432/a/b' is not host:port/database (for example 127.0.0.1:5432/orders): database name 'a/b' may only contain letters, digits and _ . $ -
            ::1:5432/orders             | address '::1:5432/orders' is not host:port/database (for example 127.0.0.1:5432/orders): an IPv6 host goes in brackets, like [::1]
            [::1/orders                 | address '[::1/orders' is not host:port/database (for example 127.0.0.1:5432/orders)
            [::1]/orders                | address '[::1]/orders' is not host:port/database (for example 127.0.0.1:5432/orders)
            [db]:5432/orders            | address '[db]:5432/orders' is not host:port/database (for example 127.0.0.1:5432/orders): 'db' in brackets is not an IPv6 address
            'd b:5432/orders'           | address 'd b:5432/orders' is not host:port/database (for example 127.0.0.1:5432/orders): host 'd b' may only contain letters, digits and _ . -
            """)
    void rejectsMalformedHostPortDatabase(String address, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.parseHostPortDatabase(address))
                .withMessage(message);
    }

    @Test
    void rejectsMissingAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.parseHostPortDatabase(null))
                .withMessage("address (none) is not host:port/database (for example 127.0.0.1:5432/orders)");
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.parseHostPort(null))
                .withMessage("address (none) is not host:port (for example 127.0.0.1:6379)");
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.parseHttpUrl(null))
                .withMessage("address (none) is not an http(s) URL (for example https://status.example.com/health)");
    }

    @Test
    void parsesHostPort() {
        assertThat(Addresses.parseHostPort("cache.internal:6379")).isEqualTo(new HostPort("cache.internal", 6379));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cache                  | address 'cache' is not host:port (for example 127.0.0.1:6379): the port is missing
            cache:6379/0           | address 'cache:6379/0' is not host:port (for example 127.0.0.1:6379): port '6379/0' is not a number from 1 to 65535
            cache:99999            | address 'cache:99999' is not host:port (for example 127.0.0.1:6379): port '99999' is not a number from 1 to 65535
            ''                     | address '' is not host:port (for example 127.0.0.1:6379): the port is missing
            """)
    void rejectsMalformedHostPort(String address, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.parseHostPort(address)).withMessage(message);
    }

    @Test
    void parsesHttpUrls() {
        assertThat(Addresses.parseHttpUrl("https://status.example.com/health?full=1"))
                .isEqualTo(URI.create("https://status.example.com/health?full=1"));
        assertThat(Addresses.parseHttpUrl("HTTP://127.0.0.1:8080/")).isEqualTo(URI.create("HTTP://127.0.0.1:8080/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            status.example.com/health         | address 'status.example.com/health' is not an http(s) URL (for example https://status.example.com/health)
            ftp://files.example.com/          | address 'ftp://files.example.com/' is not an http(s) URL (for example https://status.example.com/health)
            http:///health                    | address 'http:///health' is not an http(s) URL (for example https://status.example.com/health): it has no host
            http://exa mple.com/              | address 'http://exa mple.com/' is not an http(s) URL (for example https://status.example.com/health): Illegal character in authority at index 10
            https://user:pw@example.com/      | address 'https://user:pw@example.com/' is not an http(s) URL (for example https://status.example.com/health): it must not contain credentials; use the credentials reference
            """)
    void rejectsBadHttpUrls(String address, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.parseHttpUrl(address)).withMessage(message);
    }

    @Test
    void validatesByProvider() {
        assertThatNoException().isThrownBy(() -> {
            Addresses.validate(Provider.POSTGRESQL, "127.0.0.1:5432/orders");
            Addresses.validate(Provider.MYSQL, "127.0.0.1:3306/shop");
            Addresses.validate(Provider.REDIS, "127.0.0.1:6379");
            Addresses.validate(Provider.HTTP, "https://status.example.com/health");
        });
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.validate(Provider.REDIS, "127.0.0.1:5432/orders"))
                .withMessage("address '127.0.0.1:5432/orders' is not host:port (for example 127.0.0.1:6379): "
                        + "port '5432/orders' is not a number from 1 to 65535");
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.validate(Provider.MYSQL, "127.0.0.1:3306"))
                .withMessage("address '127.0.0.1:3306' is not host:port/database (for example 127.0.0.1:5432/orders)");
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.validate(Provider.HTTP, "127.0.0.1:8080"))
                .withMessageStartingWith("address '127.0.0.1:8080' is not an http(s) URL");
    }

    @Test
    void providerParseListsTheValidNames() {
        assertThat(Provider.parse(" postgresql ")).isEqualTo(Provider.POSTGRESQL);
        assertThatIllegalArgumentException().isThrownBy(() -> Provider.parse("oracle"))
                .withMessage("unknown provider 'oracle': use one of postgresql, mysql, redis, http");
    }
}
