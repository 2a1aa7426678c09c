/**
 * Test issuers, credentials and status lists, made with ephemeral keys that exist only
 * while the tests run (no private key is ever stored in the repository).
 */
import { buildCredential, newSalt } from "../../../src/lib/cert/credential.ts";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import { signDataIntegrity } from "../../../src/lib/cert/proof.ts";
import { buildStatusList } from "../../../src/lib/cert/status-list.ts";
import type { CredentialInput, Issuer, IssuerKey, KeyFile, SignedCredential, StatusListCredential } from "../../../src/lib/cert/types.ts";

export const SITE = "https://tiaojie.example.gov.cn/";
export const LIST_URL = `${SITE}registry/status/qingxi-sfj-1.json`;
export const HOLDER = { name: "张三明", salt: "c2FsdHktc2FsdC0x", township: "xiping-zhen", village: "dongcun" };
/** A moment inside the test credential's validity (Beijing noon, 2027-03-01). */
export const NOW = new Date("2027-03-01T12:00:00+08:00");

export interface TestIssuer {
  issuer: Issuer;
  key: KeyFile;
}

export async function makeIssuer(options: { id?: string; uri?: string; window?: Partial<IssuerKey> } = {}): Promise<TestIssuer> {
  const id = options.id ?? "qingxi-sfj";
  const key = await generateKeyPair(id);
  return {
    key,
    issuer: {
      id,
      name: "清溪县司法局",
      kind: "county",
      uri: options.uri ?? "https://sfj.qingxi.example.gov.cn/",
      numberPrefix: "QX",
      keys: [{ id: key.controller, validFrom: "2026-01-01", ...options.window }],
    },
  };
}

export function credentialInput(issuer: Issuer, overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    issuer,
    level: { id: "pre-job", title: "人民调解员岗前培训合格", summary: "新任人民调解员上岗前的培训。" },
    holder: HOLDER,
    number: "QX-2026-000123",
    validFrom: "2026-12-01",
    validUntil: "2027-11-30",
    status: { listUrl: LIST_URL, index: 48213 },
    siteUrl: SITE,
    id: "urn:uuid:4f6c0c52-8f3a-4f55-9d1e-2b7c2f8e1a90",
    ...overrides,
  };
}

export async function signedCredential(t: TestIssuer, overrides: Partial<CredentialInput> = {}, created = "2026-12-01T09:30:00Z"): Promise<SignedCredential> {
  return signDataIntegrity(await buildCredential(credentialInput(t.issuer, overrides)), t.key, { created });
}

export async function statusList(t: TestIssuer, revoked: number[] = [], options: { url?: string; created?: string } = {}): Promise<StatusListCredential> {
  const list = buildStatusList({
    issuer: { id: t.issuer.uri, type: ["Profile"], name: t.issuer.name },
    url: options.url ?? LIST_URL,
    validFrom: "2027-02-01T00:00:00Z",
    revoked,
  });
  return signDataIntegrity(list, t.key, { created: options.created ?? "2027-02-01T00:00:00Z" });
}

export { newSalt };
