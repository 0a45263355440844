import { describe, expect, it } from 'vitest'
import { letterGrounds, letterGroundsOfPages } from './letterGrounds'

const codes = (text: string): readonly string[] => letterGrounds(text).codes

describe('letterGrounds', () => {
  it('reads an NZ OIA decision paragraph', () => {
    const text =
      'I have decided to release the documents listed in the attached table, with some information ' +
      'withheld under section 9(2)(a) of the Official Information Act 1982 (the Act), to protect the ' +
      'privacy of natural persons, and section 9(2)(g)(i), to maintain the effective conduct of public ' +
      'affairs through the free and frank expression of opinions.'
    expect(codes(text)).toEqual(['9(2)(a)', '9(2)(g)(i)'])
  })

  it('reads "s" prefixes and a list that drops the section number', () => {
    expect(codes('Some information has been withheld under s 9(2)(g)(i) of the Act.')).toEqual(['9(2)(g)(i)'])
    expect(codes('Information is withheld under sections 9(2)(a) and (g)(i) of the Act.')).toEqual([
      '9(2)(a)',
      '9(2)(g)(i)'
    ])
    expect(codes('withheld under sections 9(2)(a), (b)(ii) and (h) of the OIA')).toEqual([
      '9(2)(a)',
      '9(2)(b)(ii)',
      '9(2)(h)'
    ])
    expect(codes('commercial information is withheld under section 9(2)(b)(i) and (ii)')).toEqual([
      '9(2)(b)(i)',
      '9(2)(b)(ii)'
    ])
  })

  it('reads mixed sections and the conclusive reasons', () => {
    expect(codes('Parts are withheld under sections 6(a) and 9(2)(b)(ii) of the Act.')).toEqual([
      '6(a)',
      '9(2)(b)(ii)'
    ])
  })

  it('expands ranges', () => {
    expect(codes('withheld under section 9(2)(f)(ii)–(iv), to maintain constitutional conventions')).toEqual([
      '9(2)(f)(ii)',
      '9(2)(f)(iii)',
      '9(2)(f)(iv)'
    ])
    expect(codes('refused under sections 6(a) to (c) of the Act')).toEqual(['6(a)', '6(b)', '6(c)'])
  })

  it('takes "(i)" after a paragraph as the next paragraph, after a sub-paragraph as a sub-paragraph', () => {
    expect(codes('sections 9(2)(h) and (i) apply')).toEqual(['9(2)(h)', '9(2)(i)'])
    expect(codes('section 9(2)(g)(ii) and (i)')).toEqual(['9(2)(g)(ii)', '9(2)(g)(i)'])
  })

  it('ignores the Ombudsman boilerplate and section numbers that are not grounds', () => {
    const text =
      'You have the right to seek an investigation and review by the Ombudsman of my decision, in ' +
      'accordance with section 28(3) of the Act. Please note that we publish responses under ' +
      'section 19(a)(ii) requests on our website.'
    expect(codes(text)).toEqual([])
  })

  it('reads a refusal under section 18', () => {
    expect(codes('Item 4 is refused under section 18(d) of the Act, as it is publicly available.')).toEqual([
      '18(d)'
    ])
  })

  it('reads US FOIA letters: (b)(6), Exemption 5, the statute citation', () => {
    const text =
      'We are withholding portions of the records under FOIA Exemption 5 and Exemptions 6 and 7(C). ' +
      'Names of employees are protected by 5 U.S.C. § 552(b)(6), and law-enforcement techniques under ' +
      '(b)(7)(E).'
    expect(codes(text)).toEqual(['(b)(5)', '(b)(6)', '(b)(7)(C)', '(b)(7)(E)'])
  })

  it('reads US exemptions listed without their "(b)"', () => {
    expect(codes('Information was withheld pursuant to (b)(6) and (7)(C), and (b)(5).')).toEqual([
      '(b)(6)',
      '(b)(7)(C)',
      '(b)(5)'
    ])
  })

  it('keeps the letter’s own words for each citation', () => {
    const text = 'withheld under sections 9(2)(a) and (g)(i)'
    expect(letterGrounds(text).citations.map((c) => [c.code, c.text])).toEqual([
      ['9(2)(a)', 'sections 9(2)(a)'],
      ['9(2)(g)(i)', '(g)(i)']
    ])
  })

  it('finds nothing in a letter that cites no ground', () => {
    expect(codes('Thank you for your request of 4 March 2026. All documents are released in full.')).toEqual(
      []
    )
  })
})

describe('letterGroundsOfPages', () => {
  it('places each citation on its page, with its occurrence there', () => {
    const pages = [
      'Dear Requester\nThank you for your request.',
      'Some information is withheld under section 9(2)(a).\nMore is withheld under section 9(2)(a) and (j).'
    ]
    const { codes, citations } = letterGroundsOfPages(pages)
    expect(codes).toEqual(['9(2)(a)', '9(2)(j)'])
    expect(citations.map((c) => [c.code, c.pageIndex, c.occurrence, c.text])).toEqual([
      ['9(2)(a)', 1, 0, 'section 9(2)(a)'],
      ['9(2)(a)', 1, 1, 'section 9(2)(a)'],
      ['9(2)(j)', 1, 0, '(j)']
    ])
  })
})
