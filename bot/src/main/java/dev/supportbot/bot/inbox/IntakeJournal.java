package dev.supportbot.bot.inbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A write-ahead log of accepted intake events in front of an H2 file database: the events of a group commit are
 * appended and forced to disk here in one write and one {@code fdatasync}, which costs far less than making H2 write
 * and sync its store. The file is preallocated (zeros), so a sync forces an overwrite of blocks that exist, not an
 * append that changes the file's size.
 *
 * <p>Layout: two header slots (the epoch, stamped with a CRC; the valid one with the higher epoch counts, so a torn
 * header write leaves the other), then records from {@link #RECORDS_START}: epoch, body length, CRC32 of epoch,
 * length and body, then the body. Reading stops at the first record of another epoch, with a bad CRC or cut short
 * (the torn tail of a crash). {@link #reset} bumps the epoch, so the records already in the file are never read again
 * and the next ones overwrite them.
 */
final class IntakeJournal implements AutoCloseable {
    static final long RECORDS_START = 4096;
    static final long GROWTH = 16L * 1024 * 1024;
    private static final long MAGIC = 0x5342_4a52_4e4c_0001L; // "SBJRNL" version 1
    private static final int HEADER_SLOT = 512;
    private static final int RECORD_HEAD = Long.BYTES + Integer.BYTES + Integer.BYTES;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Entry> recovered;
    private long epoch;
    private long position;
    private boolean reset;
    private long size;

    /** One accepted event and the time intake stored it. */
    record Entry(NewInboxEvent event, Instant receivedAt) {}

    private IntakeJournal(Path path, FileChannel channel, FileLock lock) throws IOException {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.size = channel.size();
        this.epoch = readEpoch();
        this.position = RECORDS_START;
        this.recovered = readRecords();
    }

    /** Opens the journal at {@code path}, creating it (preallocated) when missing, and reads its valid records. */
    static IntakeJournal open(Path path) throws IOException {
        boolean created = !Files.exists(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) throw new IOException("the intake journal " + path + " is in use by another process");
            if (created || channel.size() < RECORDS_START) {
                zeroFill(channel, 0, RECORDS_START + GROWTH);
                writeHeader(channel, 1);
                channel.force(true);
                forceDirectory(path);
            }
            return new IntakeJournal(path, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The events the file held when it was opened: those acknowledged since the last reset before a stop or crash. */
    List<Entry> recovered() {
        return recovered;
    }

    /** Whether records were appended since the last reset (or found on open). */
    boolean isEmpty() {
        return position == RECORDS_START;
    }

    /** Bytes of records since the last reset. */
    long bytes() {
        return position - RECORDS_START;
    }

    /**
     * Appends the entries in one write and forces them to disk; they are durable when this returns. Only after a
     * {@link #reset} since opening: after a crash, records of the current epoch may follow a torn one, and an append
     * over the torn one would bring them back.
     */
    void append(List<Entry> entries) throws IOException {
        if (!reset) throw new IllegalStateException("the intake journal must be reset after opening, before appending");
        if (entries.isEmpty()) return;
        List<byte[]> bodies = new ArrayList<>(entries.size());
        int total = 0;
        for (Entry entry : entries) {
            byte[] body = encode(entry);
            bodies.add(body);
            total += RECORD_HEAD + body.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        for (byte[] body : bodies) {
            buffer.putLong(epoch).putInt(body.length).putInt(crc(epoch, body)).put(body);
        }
        buffer.flip();
        boolean grown = ensureSize(position + total);
        writeFully(channel, buffer, position);
        // Growing the file changed its size: that needs the metadata too, once per growth step.
        channel.force(grown);
        position += total;
    }

    /**
     * Forgets every record: bumps the epoch in the header and forces it. Call only once every event appended so far
     * is durable elsewhere (H2's store written and synced).
     */
    void reset() throws IOException {
        long next = epoch + 1;
        writeHeader(channel, next);
        channel.force(false);
        epoch = next;
        position = RECORDS_START;
        reset = true;
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }

    private boolean ensureSize(long needed) throws IOException {
        if (needed <= size) return false;
        long grown = size;
        while (grown < needed) grown += GROWTH;
        zeroFill(channel, size, grown);
        size = grown;
        return true;
    }

    private long readEpoch() throws IOException {
        long best = 0;
        for (int slot = 0; slot < 2; slot++) {
            ByteBuffer header = ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES);
            readFully(header, (long) slot * HEADER_SLOT);
            header.flip();
            long magic = header.getLong();
            long slotEpoch = header.getLong();
            int crc = header.getInt();
            if (magic == MAGIC && crc == crc(slotEpoch, new byte[0]) && slotEpoch > best) best = slotEpoch;
        }
        if (best == 0) throw new IOException("the intake journal " + path + " has no valid header");
        return best;
    }

    private List<Entry> readRecords() throws IOException {
        List<Entry> entries = new ArrayList<>();
        ByteBuffer head = ByteBuffer.allocate(RECORD_HEAD);
        while (position + RECORD_HEAD <= size) {
            head.clear();
            readFully(head, position);
            head.flip();
            long recordEpoch = head.getLong();
            int length = head.getInt();
            int crc = head.getInt();
            if (recordEpoch != epoch || length <= 0 || length > MAX_BODY || position + RECORD_HEAD + length > size) break;
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, position + RECORD_HEAD);
            if (crc(recordEpoch, body.array()) != crc) break;
            entries.add(decode(body.array()));
            position += RECORD_HEAD + length;
        }
        return List.copyOf(entries);
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        long offset = at;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, offset);
            if (read < 0) throw new IOException("the intake journal " + path + " ends early");
            offset += read;
        }
    }

    private static void writeHeader(FileChannel channel, long epoch) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES);
        header.putLong(MAGIC).putLong(epoch).putInt(crc(epoch, new byte[0])).flip();
        writeFully(channel, header, (epoch % 2) * HEADER_SLOT);
    }

    private static void zeroFill(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
        for (long at = from; at < to; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - at));
            writeFully(channel, zeros, at);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        long offset = at;
        while (buffer.hasRemaining()) offset += channel.write(buffer, offset);
    }

    /** The new file's name must survive a crash too. */
    private static void forceDirectory(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform can open a directory; the file's first checkpoint is then the only guard.
        }
    }

    private static int crc(long epoch, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(epoch).putInt(body.length).array());
        crc.update(body);
        return (int) crc.getValue();
    }

    private static byte[] encode(Entry entry) {
        NewInboxEvent e = entry.event();
        byte[][] strings = {utf8(e.source()), utf8(e.dedupKey()), utf8(e.eventType()), utf8(e.payload())};
        int length = Long.BYTES + Integer.BYTES + 1 + Long.BYTES;
        for (byte[] s : strings) length += Integer.BYTES + (s == null ? 0 : s.length);
        ByteBuffer body = ByteBuffer.allocate(length);
        body.putLong(entry.receivedAt().getEpochSecond()).putInt(entry.receivedAt().getNano());
        body.put((byte) (e.ticketId() == null ? 0 : 1)).putLong(e.ticketId() == null ? 0 : e.ticketId());
        for (byte[] s : strings) {
            body.putInt(s == null ? -1 : s.length);
            if (s != null) body.put(s);
        }
        return body.array();
    }

    private static Entry decode(byte[] bytes) {
        ByteBuffer body = ByteBuffer.wrap(bytes);
        Instant receivedAt = Instant.ofEpochSecond(body.getLong(), body.getInt());
        boolean hasTicket = body.get() == 1;
        long ticket = body.getLong();
        String source = string(body);
        String dedupKey = string(body);
        String eventType = string(body);
        String payload = string(body);
        return new Entry(new NewInboxEvent(source, dedupKey, eventType, hasTicket ? ticket : null, payload), receivedAt);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer body) {
        int length = body.getInt();
        if (length < 0) return null;
        byte[] bytes = new byte[length];
        body.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
