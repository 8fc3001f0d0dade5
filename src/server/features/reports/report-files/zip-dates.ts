/**
 * An XLSX file is a ZIP archive whose entries carry the time they were written. To give the same
 * bytes for the same report, every entry's date is set to one fixed instant: the central directory
 * is walked from its end record, and each entry's date is written there and in its local header.
 * Dates are not covered by the entries' checksums, so the archive stays valid.
 */
export function withFixedZipDates(zip: Buffer, instant: Date): Buffer {
  const output = Buffer.from(zip);
  const { time, date } = dosDateTime(instant);
  const endOffset = findEndOfCentralDirectory(output);
  const entryCount = output.readUInt16LE(endOffset + 10);
  let offset = output.readUInt32LE(endOffset + 16);
  for (let index = 0; index < entryCount; index++) {
    if (output.readUInt32LE(offset) !== 0x02014b50) throw new Error("Archivio ZIP non valido");
    output.writeUInt16LE(time, offset + 12);
    output.writeUInt16LE(date, offset + 14);
    const localOffset = output.readUInt32LE(offset + 42);
    if (output.readUInt32LE(localOffset) !== 0x04034b50) throw new Error("Archivio ZIP non valido");
    output.writeUInt16LE(time, localOffset + 10);
    output.writeUInt16LE(date, localOffset + 12);
    const nameLength = output.readUInt16LE(offset + 28);
    const extraLength = output.readUInt16LE(offset + 30);
    const commentLength = output.readUInt16LE(offset + 32);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return output;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 65_535); offset--) {
    if (zip.readUInt32LE(offset) === 0x06054b50) return offset;
  }
  throw new Error("Archivio ZIP non valido");
}

/** MS-DOS date and time (two-second precision), in UTC as the archive writer uses. */
function dosDateTime(instant: Date) {
  const year = Math.min(Math.max(instant.getUTCFullYear(), 1980), 2107);
  return {
    time: (instant.getUTCHours() << 11) | (instant.getUTCMinutes() << 5) | (instant.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((instant.getUTCMonth() + 1) << 5) | instant.getUTCDate(),
  };
}
