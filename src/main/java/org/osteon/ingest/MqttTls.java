package org.osteon.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Applies {@link MqttTlsConfig} to Paho connections. */
@ApplicationScoped
public class MqttTls {
    private final SSLSocketFactory socketFactory;

    public MqttTls(MqttTlsConfig config) {
        this.socketFactory = config.caFile().map(MqttTls::trusting).orElse(null);
    }

    /** Trusts the configured CA for this connection; a no-op without one (or for tcp:// URIs). */
    public void apply(MqttConnectOptions options) {
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
        }
        options.setHttpsHostnameVerificationEnabled(true);
    }

    private static SSLSocketFactory trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalStateException("osteon.mqtt-tls.ca-file " + caFile + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("osteon.mqtt-tls.ca-file " + caFile + " cannot be read", e);
        }
    }
}
