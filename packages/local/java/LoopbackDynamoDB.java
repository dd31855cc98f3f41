import java.io.IOException;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local, listening on 127.0.0.1 only, and living no longer than the process that started it.
 *
 * Its own launcher has no host option and binds every interface; the data it holds here is about
 * people, demo or not, so nothing off this machine may reach it. The server is built exactly as
 * DynamoDB Local's main does, then its Jetty connector is pointed at loopback before it starts.
 *
 * The runtime keeps our stdin open as a pipe. When the runtime goes, however it goes (even SIGKILL,
 * which it cannot catch), the kernel closes that pipe and the read below ends: we stop the server and
 * exit through the JVM's normal shutdown, which keeps every write DynamoDB Local has acknowledged, rather
 * than live on as an orphan holding the port and the data files. Takes DynamoDB Local's own arguments
 * (-port, -inMemory, ...).
 */
public final class LoopbackDynamoDB {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Connector connector : connectors) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    Thread parentWatch = new Thread(() -> stopWhenStdinCloses(proxy), "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    proxy.start();
    proxy.join();
  }

  private static void stopWhenStdinCloses(DynamoDBProxyServer proxy) {
    try {
      byte[] buffer = new byte[256];
      while (System.in.read(buffer) != -1) {
        // Nothing is ever sent; reading only waits for the end.
      }
    } catch (IOException e) {
      // A broken pipe means the same as its end: the parent is gone.
    }
    System.err.println("LoopbackDynamoDB: the process that started DynamoDB Local is gone; stopping.");
    try {
      proxy.stop();
    } catch (Exception e) {
      System.err.println("LoopbackDynamoDB: stopping failed: " + e);
    }
    System.exit(0);
  }
}
