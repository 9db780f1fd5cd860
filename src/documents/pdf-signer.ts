/**
 * Signs PDFs with the platform's certificate (PAdES baseline B: a detached CMS signature with the
 * ETSI.CAdES.detached sub-filter and the signing-certificate-v2 attribute), so that a PDF reader
 * names the issuer and shows that the bytes are unchanged since signing.
 *
 * The PKCS#12 file is opened once; each signature is then one SHA-256 of the document and one
 * private-key operation in Node's native crypto (node-forge only reads the file and encodes the
 * ASN.1). Both RSA and ECDSA keys sign; the development certificate is ECDSA P-256 — as strong as
 * RSA-3072 and some fifteen times cheaper per signature, which counts at one signature per document.
 */
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import signpdf from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { createHash, createPrivateKey, KeyObject, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const asn1 = forge.asn1;
const { Class, Type } = asn1;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

const seq = (value: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, value);
const set = (value: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, value);
const oid = (id: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
const int = (bytes: string) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, bytes);
const nul = () => asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
const algorithm = (id: string, withNull = false) => seq(withNull ? [oid(id), nul()] : [oid(id)]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

export interface SigningIdentity {
  /** Subject common name of the certificate: who a reader says signed. */
  signerName: string;
  notAfter: Date;
}

/** Builds the CMS SignedData of a byte range; used by @signpdf for the /Contents of the signature. */
class NativeCmsSigner extends Signer {
  private readonly certificate: forge.asn1.Asn1;
  private readonly issuerAndSerial: forge.asn1.Asn1;
  private readonly signatureAlgorithm: forge.asn1.Asn1;

  constructor(
    private readonly certificateDer: Buffer,
    private readonly key: KeyObject,
  ) {
    super();
    // The certificate as generic ASN.1 (forge's certificate model knows RSA keys only).
    this.certificate = asn1.fromDer(certificateDer.toString('binary'));
    const tbs = (this.certificate.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
    const explicitVersion = tbs[0].tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
    this.issuerAndSerial = seq([tbs[explicitVersion + 2], tbs[explicitVersion]]);
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') {
      throw new Error(`signing keys are RSA or ECDSA, not ${key.asymmetricKeyType}`);
    }
    this.signatureAlgorithm = key.asymmetricKeyType === 'ec' ? algorithm(OID.ecdsaWithSha256) : algorithm(OID.rsaEncryption, true);
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const when = signingTime ?? new Date();
    const signedAttributes = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(
        OID.signingTime,
        when.getUTCFullYear() < 2050
          ? asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(when))
          : asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(when)),
      ),
      attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
      // ESS signing-certificate-v2 (RFC 5035): binds the signature to this certificate (PAdES).
      attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(this.certificateDer).digest())])])])),
    ];
    // The signature covers the DER of the attributes as a SET; the SignerInfo carries them as [0].
    const signature = sign('sha256', der(set(signedAttributes)), this.key);
    const signerInfo = seq([
      int(String.fromCharCode(1)),
      this.issuerAndSerial,
      algorithm(OID.sha256),
      asn1.create(Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
      this.signatureAlgorithm,
      octets(signature),
    ]);
    const signedData = seq([
      int(String.fromCharCode(1)),
      set([algorithm(OID.sha256)]),
      seq([oid(OID.data)]),
      asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [this.certificate]),
      set([signerInfo]),
    ]);
    return der(seq([oid(OID.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
  }
}

export class PdfSigner {
  private readonly signer: NativeCmsSigner;
  readonly identity: SigningIdentity;

  constructor(p12Path: string, password: string) {
    let p12: forge.pkcs12.Pkcs12Pfx;
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(readFileSync(p12Path).toString('binary')), password);
    } catch (err) {
      throw new Error(`cannot open the signing certificate ${p12Path}: ${(err as Error).message}`, { cause: err });
    }
    const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
    const certBag = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0];
    // forge decodes RSA keys and certificates itself and leaves others (ECDSA) as ASN.1.
    const key = keyBag?.key
      ? createPrivateKey(forge.pki.privateKeyToPem(keyBag.key))
      : keyBag?.asn1 && createPrivateKey({ key: der(keyBag.asn1), format: 'der', type: 'pkcs8' });
    const certAsn1 = certBag?.cert ? forge.pki.certificateToAsn1(certBag.cert) : certBag?.asn1;
    if (!key || !certAsn1) throw new Error(`${p12Path} holds no private key and certificate`);
    const certificateDer = der(certAsn1);
    const x509 = new X509Certificate(certificateDer);
    this.signer = new NativeCmsSigner(certificateDer, key);
    this.identity = {
      signerName: /^CN=(.*)$/m.exec(x509.subject)?.[1] ?? 'Adl',
      notAfter: new Date(x509.validTo),
    };
  }

  /** The PDF with an incremental-update signature; reason and location show in readers. */
  async sign(pdf: Buffer, details: { reason: string; signingTime: Date }): Promise<Buffer> {
    const prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: details.reason,
      contactInfo: 'verify via the QR code',
      name: this.identity.signerName,
      location: 'Adl',
      signingTime: details.signingTime,
      signatureLength: 8192,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    });
    return signpdf.sign(prepared, this.signer, details.signingTime);
  }
}
