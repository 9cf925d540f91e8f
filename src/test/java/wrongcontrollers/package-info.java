/**
 * Controllers that break the write path on purpose, one forbidden thing each, and one that keeps to it: the
 * rules of {@link org.beffroi.architecture.WritePath} are shown to catch them. Test sources only, outside
 * {@code org.beffroi}: neither the application's component scan nor the main architecture test sees them.
 */
package wrongcontrollers;
