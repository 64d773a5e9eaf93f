package org.mlplatform.portal.security.http;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names the platform answers to. A request naming another host in its {@code Host} header
 * was meant for someone else, or is a DNS-rebinding or host-header-poisoning attempt. Ports are
 * ignored; loopback names are always allowed, since they cannot point a browser at a foreign site.
 */
final class HostAllowList {

  static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

  private static final Pattern HOST_CHARACTERS = Pattern.compile("[a-z0-9._:-]+");

  private final boolean anyHost;
  private final Set<String> hosts;

  private HostAllowList(boolean anyHost, Set<String> hosts) {
    this.anyHost = anyHost;
    this.hosts = Set.copyOf(hosts);
  }

  /**
   * The allow-list from the setting (comma-separated names, {@code *} for any host) plus the
   * loopback names and the public URL's host; without a setting, the machine's own names as well.
   */
  static HostAllowList of(String setting, String publicHost, Set<String> machineNames) {
    Set<String> hosts = new HashSet<>(LOOPBACK);
    addIfValid(hosts, publicHost);
    boolean anyHost = false;
    if (setting == null || setting.isBlank()) {
      machineNames.forEach(name -> addIfValid(hosts, name));
    } else {
      for (String entry : setting.split(",")) {
        if (entry.strip().equals("*")) {
          anyHost = true;
        } else if (!entry.isBlank()) {
          String name = hostName(entry);
          if (name == null) {
            throw new IllegalStateException(
                "mlp.allowed-hosts (MLP_ALLOWED_HOSTS) has an entry that is not a host name: '"
                    + entry.strip()
                    + "'");
          }
          hosts.add(name);
        }
      }
    }
    return new HostAllowList(anyHost, hosts);
  }

  /** Whether a request with this {@code Host} header is served; no header (HTTP/1.0) is. */
  boolean allows(String hostHeader) {
    if (anyHost || hostHeader == null) {
      return true;
    }
    String name = hostName(hostHeader);
    return name != null && hosts.contains(name);
  }

  Set<String> hosts() {
    return hosts;
  }

  /**
   * The host of a {@code Host} header or setting entry: lower case, without port, brackets or a
   * trailing dot; null when it is not a plausible host name.
   */
  static String hostName(String value) {
    String host = value.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end < 0 ? "" : host.substring(1, end);
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      host = host.substring(0, host.indexOf(':'));
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return HOST_CHARACTERS.matcher(host).matches() ? host : null;
  }

  private static void addIfValid(Set<String> hosts, String value) {
    String name = value == null ? null : hostName(value);
    if (name != null) {
      hosts.add(name);
    }
  }
}
