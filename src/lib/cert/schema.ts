/**
 * The shape of a signed credential and of a signed status list, checked before anything
 * else (verdict `malformed` when it fails). zod/v4-mini, so the verify page stays small.
 * Extra properties are allowed (other extensions are signed like the rest); every field
 * the verifier reads or shows is required here, as text of bounded length.
 */
import { SLUG } from "../id-patterns.ts";
import * as z from "zod/v4-mini";
import { CRYPTOSUITE, OB_CONTEXT, PROOF_TYPE, VC_CONTEXT, type SignedCredential, type StatusListCredential } from "./types.ts";

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const dateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/));
const url = z.string().check(z.regex(/^(?:https?:\/\/|urn:)\S{1,500}$/));
const slug = z.string().check(z.regex(SLUG), z.maxLength(60));
const uuidUrn = z.string().check(z.regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));

const profile = z.object({ id: url, type: z.tuple([z.literal("Profile")]), name: text(100) });

const proof = z.object({
  type: z.literal(PROOF_TYPE),
  cryptosuite: z.literal(CRYPTOSUITE),
  created: dateTime,
  verificationMethod: z.string().check(z.regex(/^did:key:z[1-9A-HJ-NP-Za-km-z]{40,60}#z[1-9A-HJ-NP-Za-km-z]{40,60}$/)),
  proofPurpose: z.literal("assertionMethod"),
  "@context": z.optional(z.unknown()),
  proofValue: z.string().check(z.regex(/^z[1-9A-HJ-NP-Za-km-z]{80,100}$/)),
});

export const signedCredentialSchema = z.object({
  "@context": z.tuple([z.literal(VC_CONTEXT), z.literal(OB_CONTEXT)]),
  id: uuidUrn,
  type: z.tuple([z.literal("VerifiableCredential"), z.literal("OpenBadgeCredential")]),
  name: text(100),
  issuer: profile,
  validFrom: dateTime,
  validUntil: dateTime,
  awardedDate: dateTime,
  credentialSubject: z.object({
    type: z.tuple([z.literal("AchievementSubject")]),
    identifier: z.tuple([
      z.object({
        type: z.literal("IdentityObject"),
        identityType: z.literal("name"),
        hashed: z.literal(true),
        identityHash: z.string().check(z.regex(/^sha256\$[0-9a-fA-F]{64}$/)),
      }),
    ]),
    licenseNumber: z.string().check(z.regex(/^[A-Z0-9]{2,8}-\d{4}-\d{6}$/)),
    achievement: z.object({
      id: url,
      type: z.tuple([z.literal("Achievement")]),
      achievementType: z.literal("License"),
      humanCode: slug,
      name: text(100),
      description: text(1000),
      criteria: z.object({ id: url }),
    }),
    maskedName: text(20),
    township: slug,
    village: slug,
  }),
  credentialStatus: z.object({
    id: url,
    type: z.literal("BitstringStatusListEntry"),
    statusPurpose: z.literal("revocation"),
    statusListIndex: z.string().check(z.regex(/^(?:0|[1-9]\d{0,8})$/)),
    statusListCredential: url,
  }),
  renews: z.optional(uuidUrn),
  proof,
});

export const statusListSchema = z.object({
  "@context": z.tuple([z.literal(VC_CONTEXT)]),
  id: url,
  type: z.tuple([z.literal("VerifiableCredential"), z.literal("BitstringStatusListCredential")]),
  issuer: profile,
  validFrom: dateTime,
  validUntil: z.optional(dateTime),
  credentialSubject: z.object({
    id: url,
    type: z.literal("BitstringStatusList"),
    statusPurpose: z.literal("revocation"),
    encodedList: z.string().check(z.regex(/^u[A-Za-z0-9_-]+$/), z.maxLength(4 * 1024 * 1024)),
  }),
  proof,
});

export const isSignedCredential = (value: unknown): value is SignedCredential => signedCredentialSchema.safeParse(value).success;
export const isStatusListCredential = (value: unknown): value is StatusListCredential => statusListSchema.safeParse(value).success;
