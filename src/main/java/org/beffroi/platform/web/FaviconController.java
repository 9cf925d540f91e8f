package org.beffroi.platform.web;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.FileStorage;
import org.beffroi.platform.StoredFile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The site's icon, at the address browsers ask for without being told: the commune's arms or logo when it has one,
 * otherwise a belfry drawn in the commune's colour. Never a 404: a missing logo file falls back to the belfry.
 */
@RestController
@RequiredArgsConstructor
class FaviconController {

    static final MediaType ICO = MediaType.valueOf("image/x-icon");
    private static final int SIZE = 32;

    private final Commune commune;
    private final FileStorage files;
    private final Map<String, byte[]> belfries = new ConcurrentHashMap<>();

    @GetMapping("/favicon.ico")
    ResponseEntity<byte[]> favicon() {
        var settings = commune.settings();
        var logo = settings.logoFileId() == null ? null : files.find(settings.logoFileId()).filter(StoredFile::isImage)
                .orElse(null);
        // the page links the icon with the logo's id in its address: a new logo is a new address
        var cache = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        if (logo != null) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.contentType())).cacheControl(cache)
                    .eTag(logo.id().toString()).body(logo.content());
        }
        String colour = settings.primaryColour();
        return ResponseEntity.ok().contentType(ICO).cacheControl(cache).eTag("belfry-" + colour)
                .body(belfries.computeIfAbsent(colour, FaviconController::belfry));
    }

    /** A belfry (a tower, its bell in an arch, a pointed roof), white on the colour, as an ICO holding one PNG. */
    static byte[] belfry(String colour) {
        var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.decode(colour));
            g.fillRoundRect(0, 0, SIZE, SIZE, 8, 8);
            g.setColor(Color.WHITE);
            var roof = new Path2D.Double();
            roof.moveTo(16, 3);
            roof.lineTo(25, 12);
            roof.lineTo(7, 12);
            roof.closePath();
            g.fill(roof);
            g.fillRect(9, 12, 14, 17);
            g.setColor(Color.decode(colour));
            g.fillRoundRect(12, 14, 8, 9, 8, 8);
            g.setColor(Color.WHITE);
            g.fillOval(14, 17, 4, 4);
        } finally {
            g.dispose();
        }
        return ico(png(image));
    }

    private static byte[] png(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ICO container (one directory entry) around a PNG, which every browser reads since Windows Vista's. */
    private static byte[] ico(byte[] png) {
        var header = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        header.put((byte) SIZE).put((byte) SIZE).put((byte) 0).put((byte) 0);
        header.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(22);
        var ico = new byte[22 + png.length];
        System.arraycopy(header.array(), 0, ico, 0, 22);
        System.arraycopy(png, 0, ico, 22, png.length);
        return ico;
    }
}
