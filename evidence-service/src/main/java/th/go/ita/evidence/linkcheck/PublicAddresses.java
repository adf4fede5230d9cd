package th.go.ita.evidence.linkcheck;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;

/**
 * Which addresses the link checker may connect to: only public unicast ones. An office's link is
 * typed by its staff, so without this rule a link could make the service fetch its own cloud's
 * metadata endpoint (169.254.169.254), the database host or anything else on the private network,
 * and report back whether it answered.
 *
 * <p>Refused: unspecified, loopback, private (10/8, 172.16/12, 192.168/16, shared 100.64/10),
 * link-local, unique-local, site-local, multicast, broadcast, documentation, benchmarking and
 * reserved ranges, in IPv4 and IPv6; for IPv6 forms that carry an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) the IPv4 address inside is judged, and
 * Teredo (2001::/32), whose inner address is obscured, is refused outright.
 */
final class PublicAddresses {

    /** Addresses a test lets through although they are not public (its local server on 127.0.0.1). */
    private final Set<InetAddress> exempt;

    PublicAddresses(Set<InetAddress> exempt) {
        this.exempt = Set.copyOf(exempt);
    }

    /** Null when {@code address} may be fetched; otherwise why not, in a few words. */
    String refusal(InetAddress address) {
        if (exempt.contains(address)) {
            return null;
        }
        if (address instanceof Inet4Address v4) {
            return refusalV4(v4.getAddress());
        }
        return refusalV6(address.getAddress());
    }

    private static String refusalV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return "unspecified address";
        }
        if (b0 == 127) {
            return "loopback address";
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return "private address";
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return "private address (shared address space)";
        }
        if (b0 == 169 && b1 == 254) {
            return "link-local address";
        }
        if (b0 >= 224 && b0 <= 239) {
            return "multicast address";
        }
        if (b0 >= 240) {
            return "reserved address";
        }
        if ((b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113) || (b0 == 198 && (b1 == 18 || b1 == 19))) {
            return "reserved address";
        }
        return null;
    }

    private static String refusalV6(byte[] a) {
        boolean zeroTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo10 &= a[i] == 0;
        }
        boolean zero10and11 = a[10] == 0 && a[11] == 0;
        boolean ffff10and11 = a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        if (zeroTo10 && zero10and11) {
            boolean upperZero = a[12] == 0 && a[13] == 0 && a[14] == 0;
            if (upperZero && a[15] == 0) {
                return "unspecified address";
            }
            if (upperZero && a[15] == 1) {
                return "loopback address";
            }
            return inner(a, 12, "IPv4-compatible");
        }
        if (zeroTo10 && ffff10and11) {
            return inner(a, 12, "IPv4-mapped");
        }
        int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return inner(a, 12, "NAT64");
        }
        if (w0 == 0x2002) {
            return inner(a, 2, "6to4");
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            return "reserved address (Teredo)";
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return "reserved address (documentation)";
        }
        if ((a[0] & 0xff) == 0xff) {
            return "multicast address";
        }
        if ((a[0] & 0xfe) == 0xfc) {
            return "unique-local address";
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return "link-local address";
        }
        if ((w0 & 0xffc0) == 0xfec0) {
            return "site-local address";
        }
        if (w0 == 0x0100 && w1 == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0) {
            return "reserved address (discard)";
        }
        return null;
    }

    private static String inner(byte[] a, int from, String form) {
        byte[] v4 = {a[from], a[from + 1], a[from + 2], a[from + 3]};
        String why = refusalV4(v4);
        return why == null ? null : why + " (" + form + ")";
    }
}
