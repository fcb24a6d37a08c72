package io.vigil.runs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This process, as the other nodes see it: the owner of the runs it starts. */
public record NodeIdentity(String nodeId, String host, long pid) {

    public static NodeIdentity ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        long pid = ProcessHandle.current().pid();
        return new NodeIdentity(host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8), host, pid);
    }
}
