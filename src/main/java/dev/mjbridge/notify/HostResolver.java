package dev.mjbridge.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Host name to addresses. The default is the JDK resolver, which the HTTP client uses too,
 * so a check and the connection that follows share the JDK's address cache.
 */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
