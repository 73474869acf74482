package dev.mjbridge.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which network an address belongs to, as far as webhook SSRF is concerned. Works on
 * resolved {@link InetAddress}es, so every textual trick (decimal or octal IPv4,
 * IPv4-mapped IPv6) has already been normalised by the same resolver the HTTP client uses.
 */
final class AddressRanges {

    /** AWS's IPv6 instance metadata endpoint; inside fc00::/7, but never a webhook. */
    private static final byte[] AWS_METADATA_V6 = bytes("fd00:ec2::254");
    /** Alibaba Cloud's metadata endpoint (the others use 169.254.169.254, covered by link-local). */
    private static final byte[] ALIBABA_METADATA = bytes("100.100.100.200");
    /** NAT64 well-known prefix 64:ff9b::/96: the last four bytes are an IPv4 address. */
    private static final byte[] NAT64_PREFIX = Arrays.copyOf(bytes("64:ff9b::"), 12);

    private AddressRanges() {
    }

    /** Link-local, cloud metadata and multicast: refused whatever the configuration says. */
    static boolean alwaysRefused(InetAddress address) {
        InetAddress a = unwrapV4(address);
        return a.isLinkLocalAddress()
                || a.isMulticastAddress()
                || Arrays.equals(a.getAddress(), AWS_METADATA_V6)
                || Arrays.equals(a.getAddress(), ALIBABA_METADATA);
    }

    /** Loopback, "this host" (0.0.0.0/8, ::), RFC 1918 and unique-local IPv6 (fc00::/7). */
    static boolean isPrivate(InetAddress address) {
        InetAddress a = unwrapV4(address);
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isSiteLocalAddress()) {
            return true;
        }
        byte[] raw = a.getAddress();
        if (a instanceof Inet4Address) {
            return raw[0] == 0;
        }
        return (raw[0] & 0xfe) == 0xfc;
    }

    /**
     * IPv6 forms that carry an IPv4 address (NAT64, the old IPv4-compatible ::a.b.c.d) reach
     * that IPv4 host, so they are judged as it. (IPv4-mapped ::ffff:a.b.c.d is already
     * turned into an {@link Inet4Address} by the JDK.)
     */
    private static InetAddress unwrapV4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] raw = address.getAddress();
        boolean nat64 = Arrays.equals(Arrays.copyOf(raw, 12), NAT64_PREFIX);
        boolean compatible = ((Inet6Address) address).isIPv4CompatibleAddress() && !address.isAnyLocalAddress()
                && !address.isLoopbackAddress() && !endsWithV4Zero(raw);
        if (!nat64 && !compatible) {
            return address;
        }
        return v4(Arrays.copyOfRange(raw, 12, 16)).orElse(address);
    }

    /** ::1 and :: are IPv4-compatible on paper; they stay IPv6 loopback/unspecified. */
    private static boolean endsWithV4Zero(byte[] raw) {
        return raw[12] == 0 && raw[13] == 0 && raw[14] == 0;
    }

    private static Optional<InetAddress> v4(byte[] raw) {
        try {
            return Optional.of(InetAddress.getByAddress(raw));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Parses a literal (no DNS involved for literals). */
    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
