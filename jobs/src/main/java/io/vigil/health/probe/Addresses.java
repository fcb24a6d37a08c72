package io.vigil.health.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the address of a monitored connection. Addresses come from operators' configuration, so every
 * rejection names the bad value and shows the expected form with an example. The parts are checked
 * strictly because they end up inside JDBC URLs: a database name like {@code db?socketFactory=...} must
 * never reach a driver as a connection option.
 */
public final class Addresses {

    static final String HOST_PORT_DATABASE = "host:port/database (for example 127.0.0.1:5432/orders)";
    static final String HOST_PORT = "host:port (for example 127.0.0.1:6379)";
    static final String HTTP_URL = "an http(s) URL (for example https://status.example.com/health)";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_.$-]+");

    /** A host (an IPv6 literal without its brackets) and a port. */
    public record HostPort(String host, int port) {

        /** {@code host:port} as it goes into a URL, with IPv6 literals in brackets. */
        public String authority() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public record HostPortDatabase(HostPort hostPort, String database) {
    }

    /** Rejects an address the provider's probe could not use, before anything is stored or probed. */
    public static void validate(Provider provider, String address) {
        switch (provider) {
            case POSTGRESQL, MYSQL -> parseHostPortDatabase(address);
            case REDIS -> parseHostPort(address);
            case HTTP -> parseHttpUrl(address);
        }
    }

    /** The host and port a provider's address reaches (for an HTTP URL without a port, its scheme's). */
    public static HostPort endpoint(Provider provider, String address) {
        return switch (provider) {
            case POSTGRESQL, MYSQL -> parseHostPortDatabase(address).hostPort();
            case REDIS -> parseHostPort(address);
            case HTTP -> {
                URI url = parseHttpUrl(address);
                int port = url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
                // getHost() keeps an IPv6 literal's brackets; authority() adds its own.
                yield new HostPort(url.getHost().replaceAll("^\\[|]$", ""), port);
            }
        };
    }

    /** Parses {@code host:port/database}; IPv6 hosts go in brackets: {@code [::1]:5432/orders}. */
    public static HostPortDatabase parseHostPortDatabase(String address) {
        int slash = address == null ? -1 : address.indexOf('/', address.lastIndexOf(']') + 1);
        if (slash < 0) {
            throw invalid(address, HOST_PORT_DATABASE, null);
        }
        HostPort hostPort = hostPort(address, address.substring(0, slash), HOST_PORT_DATABASE);
        String database = address.substring(slash + 1);
        if (database.isEmpty()) {
            throw invalid(address, HOST_PORT_DATABASE, "the database name is missing");
        }
        if (!DATABASE.matcher(database).matches()) {
            throw invalid(address, HOST_PORT_DATABASE, "database name '" + database
                    + "' may only contain letters, digits and _ . $ -");
        }
        return new HostPortDatabase(hostPort, database);
    }

    /** Parses {@code host:port}; IPv6 hosts go in brackets: {@code [::1]:6379}. */
    public static HostPort parseHostPort(String address) {
        if (address == null) {
            throw invalid(null, HOST_PORT, null);
        }
        return hostPort(address, address, HOST_PORT);
    }

    /** Parses an absolute http or https URL with a host and no credentials in it. */
    public static URI parseHttpUrl(String address) {
        if (address == null) {
            throw invalid(null, HTTP_URL, null);
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw invalid(address, HTTP_URL, e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(address, HTTP_URL, null);
        }
        if (uri.getHost() == null) {
            throw invalid(address, HTTP_URL, "it has no host");
        }
        if (uri.getRawUserInfo() != null) {
            // The address is stored and shown everywhere; credentials belong in the credentials reference.
            throw invalid(address, HTTP_URL, "it must not contain credentials; use the credentials reference");
        }
        return uri;
    }

    private static HostPort hostPort(String address, String part, String expected) {
        String host;
        String port;
        if (part.startsWith("[")) {
            int close = part.indexOf(']');
            if (close < 0 || close + 1 >= part.length() || part.charAt(close + 1) != ':') {
                throw invalid(address, expected, null);
            }
            host = part.substring(1, close);
            port = part.substring(close + 2);
            if (!host.contains(":") || !IPV6.matcher(host).matches()) {
                throw invalid(address, expected, "'" + host + "' in brackets is not an IPv6 address");
            }
        } else {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw invalid(address, expected, "the port is missing");
            }
            if (colon != part.lastIndexOf(':')) {
                throw invalid(address, expected, "an IPv6 host goes in brackets, like [::1]");
            }
            host = part.substring(0, colon);
            port = part.substring(colon + 1);
            if (host.isEmpty()) {
                throw invalid(address, expected, "the host is missing");
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw invalid(address, expected, "host '" + host + "' may only contain letters, digits and _ . -");
            }
        }
        return new HostPort(host, port(address, port, expected));
    }

    private static int port(String address, String port, String expected) {
        if (port.isEmpty()) {
            throw invalid(address, expected, "the port is missing");
        }
        int value = PORT.matcher(port).matches() ? Integer.parseInt(port) : -1;
        if (value < 1 || value > 65535) {
            throw invalid(address, expected, "port '" + port + "' is not a number from 1 to 65535");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String address, String expected, String reason) {
        String shown = address == null ? "address (none)" : "address '" + address + "'";
        return new IllegalArgumentException(shown + " is not " + expected + (reason == null ? "" : ": " + reason));
    }

    private Addresses() {
    }
}
