import type * as z from 'zod/mini';
import type { cardFieldKind as cardFieldKindSchema } from '../protocol/card-fill';
import { attributeHint, declaredLength, labelOf, normalise } from './dom';
import { perTask } from './per-task';

/** A kind of card control the wallet fills, as the content script names it to the wallet. */
export type CardFieldKind = z.infer<typeof cardFieldKindSchema>;

const TOKENS: Record<string, CardFieldKind> = {
  'cc-number': 'number',
  'cc-exp': 'expiry',
  'cc-exp-month': 'expiryMonth',
  'cc-exp-year': 'expiryYear',
  'cc-csc': 'cvc',
  'cc-name': 'name',
  'cc-given-name': 'givenName',
  'cc-family-name': 'familyName',
  'cc-type': 'cardType',
};
// The holder's name asked for with a person's tokens, in a section the page named for the payment ("section-payment given-name").
const NAME_TOKENS: Record<string, CardFieldKind> = { name: 'name', 'given-name': 'givenName', 'family-name': 'familyName' };
const PAYMENT_SECTION = /^section-.*(pay|card|cc|credit|kart|carte|tarjeta|карт)/;

// Gift cards, coupons, one-time codes and loyalty cards are asked for with the same words as bank cards.
export const NOT_CARD =
  /gift|coupon|promo|discount|voucher|loyal|bonus|reward|member|otp|sms|one time|\bamount\b|betrag|montant|importe|подар|купон|промо|скидк|бонус|gutschein|rabatt|geschenk|cadeau|réduc|fidélité|regalo|descuento|sconto|hediye|indirim|礼品|优惠|积分|验证码|ギフト|ポイント/;
// A date of birth is asked for in months and years too.
export const BIRTH = /birth|\bdob\b|geburt|naissance|nacimiento|nascita|nascimento|doğum|рожд|生日|出生|生年月日/;

// Checked in this order: "card security code", "card expiry" and "credit card type" also say "card".
const HEURISTICS: [CardFieldKind, RegExp][] = [
  [
    'cvc',
    /cvc|cvv|cvn|\bcv2\b|ccv|\bcsc\b|\bcid\b|(?<!social )security (code|number)|card code|card verification|verification (number|value)|код безопасности|prüf(nummer|ziffer|code)|sicherheitscode|kartenprüf|cryptogramme|code de sécurité|c[oó]digo de seguridad|codice di sicurezza|c[oó]digo de seguran[cç]a|güvenlik kodu|kontrolnummer|beveiligingscode|安全码|校验码|セキュリティー?コード|kode keamanan/,
  ],
  [
    'expiry',
    /\bexp(ir|\b|date|month|year|mon|yr)|valid (thru|through|until|to)|good thru|mm[ /]{0,3}(yy|jj|aa|rr)|мм[ /]{0,3}гг|срок действ|годен|действительн[аоы]? до|ablauf|gültig|échéance|expiration|vencimiento|caducidad|validez|scadenza|validade|vencimento|son kullanma|geçerlilik|vervaldatum|ważn|有效期|到期|有効期限|masa berlaku|kadaluarsa/,
  ],
  [
    'name',
    /card ?holder|holder ?name|name (as it appears )?on (the |your )?card|cc ?name|card ?name|name ?on ?card|владел|держател|имя на карте|karteninhaber|titulaire|nom sur la carte|titular|titolare|nombre (en|del titular|que aparece)|intestatario|nome (sul|no|do titular)|kart sahibi|kart üzerindeki|naam op (de )?kaart|posiadacz|właściciel karty|(nazwisko|imię) na karcie|nome impresso|持卡人|名義|nama (pada|di|tertera di) kartu|pemegang kartu/,
  ],
  [
    'cardType',
    /card ?(type|brand|issuer)|type (of )?card|cc ?type|kartentyp|kartenart|type de carte|tipo de tarjeta|tipo (di|de) cart|kart tipi|тип карты|卡类型|卡種類|カードの種類|カード種類|jenis kartu/,
  ],
  [
    'number',
    /card ?(number|num|no|nr|#)\b|cc ?(number|num|no)\b|ccnum|acct ?(number|num)|номер[^,.]{0,20}карт|kartennummer|num[ée]ro de (la )?carte|n[uú]mero de (la )?tarjeta|numero (della )?carta|n[uú]mero do cart[aã]o|kart numarası|kaartnummer|numer karty|卡号|卡號|カード番号|카드 ?번호|nomor kartu|\bno kartu|\bpan\b/,
  ],
];
const MONTH = /month|\bmm\b|\bmon\b|monat|mois|\bm[eê]s\b|miesi|\bmese\b|\bay\b|месяц|(?<![а-яё])мм(?![а-яё])|月|bulan/;
const YEAR =
  /year|\byy(yy)?\b|\byr\b|jahr|\bjj(jj)?\b|\baa(aa)?\b|\brr(rr)?\b|\brok\b|ann[ée]e|\ba[nñ]o\b|\banno\b|\bano\b|\byıl\b|(?<![а-яё])(год|гг|гггг)(?![а-яё])|年|tahun/;
// A bank card can be a debit or credit card that the form also calls a gift card ("Debit or prepaid gift card number").
const BANK_CARD = /\b(debit|credit)\b/;
// A field named for the card alone ("creditCard") or captioned so ("Credit card:") asks for its number.
const CARD_ALONE = /^credit ?card$/;
const namedForCardAlone = (field: Element, label: string) =>
  CARD_ALONE.test(label.replace(/:$/, '').trim()) ||
  ['name', 'id', 'placeholder', 'aria-label'].some((name) => CARD_ALONE.test(normalise(field.getAttribute(name) ?? '')));

// Given or family name of the card holder, where a form asks for the two apart.
// 氏名 and 姓名 are the whole name; 名義 is the name a card is in.
const GIVEN = /first|given|fore ?name|\bfname\b|vorname|pr[ée]nom|(?<![姓氏])名(?!義)/;
const FAMILY =
  /\blast\b|family|surname|\blname\b|nachname|\bnom\b(?! (sur|du|de|complet|et))|apellido|cognome|sobrenome|(?<!\bad )soyad|(?<!i )nazwisko|фамил|姓(?!名)/;

/** Month or year of a split expiry, when `hint` says which. */
export function expiryPart(hint: string): 'expiryMonth' | 'expiryYear' | undefined {
  const month = MONTH.test(hint);
  return month === YEAR.test(hint) ? undefined : month ? 'expiryMonth' : 'expiryYear';
}

/** The holder's whole name, or the given or family part when the words say the form asks for one. */
function namePart(hint: string): CardFieldKind {
  const given = GIVEN.test(hint);
  if (given === FAMILY.test(hint)) return 'name';
  return given ? 'givenName' : 'familyName';
}

// Tokens that come before the field name in an autocomplete list: its section, address kind and contact kind.
const NOT_A_FIELD_NAME = /^(section-.*|shipping|billing|home|work|mobile|fax|pager|webauthn)$/;

function tokenKind(field: Element): CardFieldKind | 'none' | undefined {
  const tokens = (field.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  // The field name follows the section and address tokens ("section-pay billing cc-number"); a list naming
  // two ("billing given-name cc-given-name") is read by its first, as the person's given name here.
  const fieldName = tokens.find((part) => !NOT_A_FIELD_NAME.test(part));
  if (fieldName?.startsWith('cc-')) return TOKENS[fieldName] ?? 'none';
  if (fieldName && fieldName in NAME_TOKENS && tokens.some((part) => PAYMENT_SECTION.test(part))) return NAME_TOKENS[fieldName];
  return undefined;
}

// A field the page names for the payment ("payment[name]", "ccName") that asks for a name is the holder's.
const PAYMENT_NAMED = /\b(pay(ment)?|card|cc|credit)\b/;
const JUST_A_NAME = /^(full )?name$|^(first|last|given|family) name$|^name (of|on) .*$/;

const ADDRESS =
  /address|street|post ?code|postal|zip|city|billing|shipping|адрес|улиц|индекс|город|strasse|straße|plz|adresse|ville|地址|邮编/;

/** Whether a field's attributes or autocomplete token name a part of a postal address. */
export const namesAddress = (field: Element): boolean =>
  ADDRESS.test(`${attributeHint(field)} ${field.getAttribute('autocomplete') ?? ''}`);

// A name the page files under an address is the billing or shipping contact's, not the card holder's.
const ADDRESS_NAMED = /address|billing|shipping|delivery|contact/;

/**
 * The holder's name, or its given or family part, for a control of the card form captioned only "Name"
 * (or "First name"…) whose own name says payment, or that stands in a section the page names for the
 * card (`inCardSection`): the caller knows it stands in the card form.
 */
export function holderNameInCardForm(field: Element, inCardSection: boolean): CardFieldKind | undefined {
  const { own, label } = fieldHint(field);
  const hint = `${own} ${label}`;
  if (!/\bname\b/.test(hint) || (label && !JUST_A_NAME.test(label)) || ADDRESS_NAMED.test(own)) return undefined;
  return PAYMENT_NAMED.test(own) || inCardSection ? namePart(hint) : undefined;
}

// A code of three or four digits beside the card's number ("Validation code", "Code") is its security code;
// postal codes and a phone's area code are asked for with the same word.
const CODE = /\bcode\b|\bcodice\b|c[oó]digo|\bкод\b|\bkod\b|コード|码|碼/;
const NOT_SECURITY_CODE = /zip|post|plz|\bcep\b|\bcap\b|почт|индекс|邮|郵|area|phone|tel|dial|country|region|vorwahl|indicatif|prefi/;

/** The card's security code, for a short text control of the card form (the caller knows) whose words only say "code". */
export function securityCodeInCardForm(field: Element): CardFieldKind | undefined {
  if (field.localName !== 'input') return undefined;
  const { own, label } = fieldHint(field);
  const hint = `${own} ${label}`;
  const length = declaredLength(field);
  if ((length !== 3 && length !== 4) || !CODE.test(hint) || NOT_SECURITY_CODE.test(hint) || NOT_CARD.test(hint)) return undefined;
  return 'cvc';
}

// A placeholder that shows a sample card number ("4111 1111 1111 1111", "•••• •••• •••• ••••") asks for one.
const SAMPLE_NUMBER = /^\s*(?:[\d•*xX]{4}[ -]?){3}[\d•*xX]{1,7}\s*$/;

/** What the field's attributes and caption say it is, for its kind and, of a split expiry, its part; read once per look. */
export const fieldHint = perTask((field: Element): { own: string; label: string } => ({
  own: attributeHint(field),
  label: normalise(labelOf(field)),
}));

/**
 * The kind of card control a field is by its own attributes and caption: the autocomplete token first,
 * then the words of its name, id, placeholder and label in the languages shops write. A select is only
 * ever a month, a year or the card's type: its caption may say "card number" for the row it stands in.
 */
export function cardFieldKind(field: Element): CardFieldKind | undefined {
  const token = tokenKind(field);
  if (token) return token === 'none' ? undefined : token;
  const { own, label } = fieldHint(field);
  const hint = `${own} ${label}`;
  if (NOT_CARD.test(hint) && !BANK_CARD.test(hint)) return undefined;
  const namesNumber = namedForCardAlone(field, label) || SAMPLE_NUMBER.test(field.getAttribute('placeholder') ?? '');
  const kind = HEURISTICS.find(([, pattern]) => pattern.test(hint))?.[0] ?? (namesNumber ? 'number' : undefined);
  if (kind === 'expiry') return BIRTH.test(hint) ? undefined : (expiryPart(own) ?? expiryPart(label) ?? kind);
  if (kind === 'name') return namePart(own) === 'name' ? namePart(hint) : namePart(own);
  if (field.localName === 'select') return kind === 'cardType' ? kind : undefined;
  return kind === 'cardType' ? undefined : kind;
}
