package th.go.ita.evidence.linkcheck;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The addresses a link may lead the checker to: public unicast only, in IPv4 and IPv6. */
class PublicAddressesTest {

    private final PublicAddresses strict = new PublicAddresses(Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.254", "192.168.1.1", "100.64.0.1", "169.254.169.254", "224.0.0.1", "239.255.255.250",
            "240.0.0.1", "255.255.255.255", "192.0.2.10", "198.51.100.1", "203.0.113.7", "198.18.0.1",
            "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "ff05::1:3",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1",
            "2002:7f00:1::", "2002:a9fe:a9fe::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "100::1"})
    void anAddressThatIsNotPublicIsRefused(String address) throws Exception {
        assertNotNull(strict.refusal(InetAddress.getByName(address)), address + " must be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "164.115.22.1", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.128.0.1",
            "11.0.0.1", "2001:4860:4860::8888", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808",
            "2002:808:808::1"})
    void aPublicAddressIsAllowed(String address) throws Exception {
        assertNull(strict.refusal(InetAddress.getByName(address)), address + " is public");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1"})
    void onlyTheExemptAddressItselfIsLetThrough(String exempt) throws Exception {
        PublicAddresses tests = new PublicAddresses(Set.of(InetAddress.getByName(exempt)));
        assertNull(tests.refusal(InetAddress.getByName(exempt)));
        assertNotNull(tests.refusal(InetAddress.getByName("127.0.0.2")));
        assertNotNull(tests.refusal(InetAddress.getByName("::1")));
    }
}
