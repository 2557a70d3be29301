// A chip's device fingerprint: a real Android phone running a real Chrome build, picked once and kept for the chip's
// life, so WhatsApp sees one consistent device per number and no two chips of a user look alike.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { AppError } from "~/server/errors";

export const deviceFingerprintSchema = z.object({
  platform: z.string(),
  browserName: z.string(),
  browserVersion: z.string(),
  deviceManufacturer: z.string(),
  deviceModel: z.string(),
  /** How the device shows in WhatsApp → Linked devices. */
  deviceName: z.string(),
  osVersion: z.string(),
});
export type DeviceFingerprint = z.infer<typeof deviceFingerprintSchema>;

type Phone = { manufacturer: string; model: string; marketingName: string; androidVersions: string[] };

// Models sold in Brazil with the Android versions they shipped with or were updated to.
const PHONES: Phone[] = [
  { manufacturer: "Samsung", model: "SM-A546E", marketingName: "Galaxy A54 5G", androidVersions: ["13", "14"] },
  { manufacturer: "Samsung", model: "SM-A155M", marketingName: "Galaxy A15", androidVersions: ["14"] },
  { manufacturer: "Samsung", model: "SM-A346M", marketingName: "Galaxy A34 5G", androidVersions: ["13", "14"] },
  { manufacturer: "Samsung", model: "SM-S911B", marketingName: "Galaxy S23", androidVersions: ["13", "14"] },
  { manufacturer: "Samsung", model: "SM-A057M", marketingName: "Galaxy A05s", androidVersions: ["13", "14"] },
  { manufacturer: "Motorola", model: "moto g54 5G", marketingName: "Moto G54", androidVersions: ["13", "14"] },
  { manufacturer: "Motorola", model: "moto g84 5G", marketingName: "Moto G84", androidVersions: ["13", "14"] },
  { manufacturer: "Motorola", model: "motorola edge 40", marketingName: "Edge 40", androidVersions: ["13", "14"] },
  { manufacturer: "Motorola", model: "moto e13", marketingName: "Moto E13", androidVersions: ["13"] },
  { manufacturer: "Xiaomi", model: "23053RN02L", marketingName: "Redmi 12", androidVersions: ["13", "14"] },
  { manufacturer: "Xiaomi", model: "23021RAA2Y", marketingName: "Redmi Note 12", androidVersions: ["13", "14"] },
  { manufacturer: "Xiaomi", model: "2311DRK48G", marketingName: "POCO X6 Pro", androidVersions: ["14"] },
  { manufacturer: "Xiaomi", model: "2201116SG", marketingName: "Redmi Note 11 Pro 5G", androidVersions: ["12", "13"] },
];

// Stable Chrome for Android releases.
const CHROME_VERSIONS = [
  "124.0.6367.179",
  "125.0.6422.165",
  "126.0.6478.122",
  "127.0.6533.103",
  "128.0.6613.146",
  "129.0.6668.100",
  "130.0.6723.102",
  "131.0.6778.200",
];

export type FingerprintCatalogue = { phones: Phone[]; chromeVersions: string[] };
const defaultCatalogue: FingerprintCatalogue = { phones: PHONES, chromeVersions: CHROME_VERSIONS };

/** What makes two fingerprints "the same device" to an observer. */
export function fingerprintKey(fp: DeviceFingerprint): string {
  return [fp.deviceManufacturer, fp.deviceModel, fp.osVersion, fp.browserVersion].join("|");
}

/** A random fingerprint no chip in `taken` uses; CONFLICT once the catalogue is exhausted for this user. */
export function pickFingerprint(taken: DeviceFingerprint[], catalogue = defaultCatalogue): DeviceFingerprint {
  const used = new Set(taken.map(fingerprintKey));
  const all = catalogue.phones.flatMap((phone) =>
    phone.androidVersions.flatMap((osVersion) =>
      catalogue.chromeVersions.map((browserVersion) => build(phone, osVersion, browserVersion)),
    ),
  );
  const free = all.filter((fp) => !used.has(fingerprintKey(fp)));
  if (free.length === 0) throw new AppError("CONFLICT", "fingerprints_exhausted");
  return free[randomInt(free.length)]!;
}

function build(phone: Phone, osVersion: string, browserVersion: string): DeviceFingerprint {
  return {
    platform: "Android",
    browserName: "Chrome",
    browserVersion,
    deviceManufacturer: phone.manufacturer,
    deviceModel: phone.model,
    deviceName: `${phone.manufacturer} ${phone.marketingName}`,
    osVersion,
  };
}

/** WAHA metadata takes string values only, so the fingerprint travels as flat `fp.*` pairs. */
export function fingerprintMetadata(fp: DeviceFingerprint): Record<string, string> {
  return {
    "fp.platform": fp.platform,
    "fp.browser_name": fp.browserName,
    "fp.browser_version": fp.browserVersion,
    "fp.device_manufacturer": fp.deviceManufacturer,
    "fp.device_model": fp.deviceModel,
    "fp.device_name": fp.deviceName,
    "fp.os_version": fp.osVersion,
  };
}

export function parseFingerprint(value: unknown): DeviceFingerprint | null {
  const parsed = deviceFingerprintSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
