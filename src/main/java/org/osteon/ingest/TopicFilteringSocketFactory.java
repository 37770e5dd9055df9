package org.osteon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input passes through {@link PublishTopicFilter}, for Paho's
 * {@code tcp://} connections. TLS connections ({@code ssl://}) are not filtered: they are the
 * production set-up, where per-device ACLs let a device publish only under its own id, so no such
 * topic reaches Osteon (docs/ingest.md).
 */
final class TopicFilteringSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() {
        return new FilteredSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    /** Paho itself creates unconnected sockets; the other forms are here for completeness of the factory. */
    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = createSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }

    private static final class FilteredSocket extends Socket {
        private InputStream filtered;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (filtered == null) {
                filtered = new PublishTopicFilter(super.getInputStream());
            }
            return filtered;
        }
    }
}
